package dev.newsbrief;

import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.Builder;
import dev.newsbrief.build.Format;
import java.util.Set;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Shared test inputs: the fixture tree under src/test/resources/fixture, and built briefs. */
public final class Fixtures {
    public static final List<String> LANGUAGES = List.of("en", "hy", "az", "ru");
    public static final String DEFAULT_ID = "armenia-azerbaijan-peace-2025";

    private static final Map<String, Path> BUILDS = new ConcurrentHashMap<>();
    /**
     * Under mutation testing each test must see output built by the code under test now, not a
     * build cached while another mutant was loaded: PIT runs with -Dnewsbrief.test.fresh=true.
     */
    private static final boolean FRESH = Boolean.getBoolean("newsbrief.test.fresh");

    private Fixtures() { }

    /** A file of the fixture tree. */
    public static Path fixture(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/fixture/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + relative, e);
        }
    }

    /** The default story built once in all four languages, HTML only (shared, read-only). */
    public static Path defaultBuild() {
        return cached("default", () -> build(BuildOptions.defaults().withFormats(Set.of(Format.HTML))));
    }

    /** The default story built once in every format, PDFs and pack included (shared, read-only). */
    public static Path fullBuild() {
        return cached("full", () -> build(BuildOptions.defaults()));
    }

    /** A writable copy of the default story's bundle in {@code target}, for tests that change it. */
    public static Path copyOfDefaultBundle(Path target) {
        try {
            Files.createDirectories(target);
            Path source = repositoryStoryDirectories().get(0);
            try (var files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName().toString()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The story bundles of the repository (src/main/resources/stories), the default one first. */
    public static List<Path> repositoryStoryDirectories() {
        try (var dirs = Files.list(Path.of(Fixtures.class.getResource("/stories").toURI()))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the repository's stories", e);
        }
    }

    /** The repository's stories, loaded with their wording, the default one first. */
    public static List<StorySource> repositoryStories() {
        StoryLoader loader = new StoryLoader();
        return repositoryStoryDirectories().stream().map(loader::loadSource).toList();
    }

    /** The repository's stories and the fixture bundles that use only the shared wording. */
    public static List<Path> allStoryDirectories() {
        List<Path> all = new java.util.ArrayList<>(repositoryStoryDirectories());
        all.add(fixture("stories/minimal"));
        all.add(fixture("stories/plain-signing"));
        return List.copyOf(all);
    }

    /** Every story of {@link #allStoryDirectories()}, loaded with its wording. */
    public static List<StorySource> allStories() {
        StoryLoader loader = new StoryLoader();
        return allStoryDirectories().stream().map(loader::loadSource).toList();
    }

    /** Every story of {@link #allStoryDirectories()} built once in all four languages, HTML only (shared, read-only). */
    public static Path storiesBuild() {
        return cached("stories", () -> build(BuildOptions.defaults().withFormats(Set.of(Format.HTML)).withStories(allStoryDirectories())));
    }

    /** Every story of the repository built once in all four languages as PDF (shared, read-only). */
    public static Path storiesPdfBuild() {
        return cached("stories-pdf", () -> build(BuildOptions.defaults().withFormats(Set.of(Format.PDF)).withStories(repositoryStoryDirectories())));
    }

    private static Path cached(String key, java.util.function.Supplier<Path> build) {
        return FRESH ? build.get() : BUILDS.computeIfAbsent(key, k -> build.get());
    }

    private static Path build(BuildOptions options) {
        try {
            Path output = Files.createTempDirectory("newsbrief-test-");
            new Builder().build(options.withOutput(output));
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document brief(Path output, String tag, String storyId) {
        try {
            Path file = output.resolve(tag).resolve(storyId + ".html");
            return Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), file.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document defaultBrief(String tag) {
        return brief(defaultBuild(), tag, DEFAULT_ID);
    }

    /**
     * Every file a reader of the output directory sees, relative: links followed, newsbrief's
     * own state ({@code .newsbrief/}: lock, releases) left out. Empty when there is no output.
     */
    public static List<Path> publishedFiles(Path out) {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (var walk = Files.walk(out, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(Files::isRegularFile).map(out::relativize)
                    .filter(path -> !path.startsWith(".newsbrief")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the folder {@code from} (files and sub-folders) into {@code to}, which may exist. */
    public static void copyTree(Path from, Path to) {
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
