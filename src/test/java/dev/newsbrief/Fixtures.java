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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Shared test inputs: the fixture tree under src/test/resources/fixture, and built briefs. */
public final class Fixtures {
    public static final List<String> LANGUAGES = List.of("en", "hy", "az", "ru");
    public static final String DEFAULT_ID = "armenia-azerbaijan-peace-2025";

    private static final Map<String, Path> BUILDS = new ConcurrentHashMap<>();

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
        return BUILDS.computeIfAbsent("default", key -> build(BuildOptions.defaults().withFormats(Set.of(Format.HTML))));
    }

    /** The default story built once in every format, PDFs and pack included (shared, read-only). */
    public static Path fullBuild() {
        return BUILDS.computeIfAbsent("full", key -> build(BuildOptions.defaults()));
    }

    /** The second fixture story built once in all four languages. */
    public static Path secondStoryBuild() {
        return BUILDS.computeIfAbsent("second", key ->
                build(BuildOptions.defaults().withFormats(Set.of(Format.HTML))
                        .withStories(List.of(fixture("stories/border-protocol-2026.yaml")))));
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
}
