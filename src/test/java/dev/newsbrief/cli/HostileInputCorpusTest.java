package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsbrief.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: each folder under {@code src/test/resources/fixture/hostile/} is one
 * hostile or broken input, run through the real CLI into an output that already holds a good
 * build. Each must end with the exact exit code and first message line its {@code case.yaml}
 * gives — never a stack trace — and leave the published output exactly as it was.
 *
 * <p>{@code case.yaml}: {@code args} (after {@code newsbrief}; {@code -o} and {@code -q} are
 * added), {@code env} (environment variables), {@code links} (symbolic links to create in the
 * case's copy: path → target), {@code exit}, {@code message} (stderr's first line without
 * the {@code newsbrief: } prefix). {@code {dir}} stands for the case's folder, {@code {out}}
 * for the output directory. Run with {@code -Dnewsbrief.corpus.record=true} to write what the
 * CLI says now into each {@code case.yaml} (then read the diff before committing it).
 */
class HostileInputCorpusTest {
    private static final Path CORPUS = Fixtures.fixture("hostile");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final boolean RECORD = Boolean.getBoolean("newsbrief.corpus.record");

    private static Path output;
    private static Map<Path, String> published;

    @BeforeAll
    static void publishAGoodBuild(@TempDir Path tmp) throws IOException {
        output = tmp.resolve("out");
        StringWriter err = new StringWriter();
        int code = NewsbriefCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err)).execute(
                "build", "-q", "-l", "en,ru", "-f", "html,pdf", "-o", output.toString(), Fixtures.fixture("stories/minimal").toString());
        assertThat(code).as(err.toString()).isZero();
        published = snapshot(output);
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> children = Files.list(CORPUS)) {
            return children.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHoldsAtLeastFortyCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsCleanlyAndPublishesNothing(String name, @TempDir Path tmp) throws IOException {
        Path caseFile = CORPUS.resolve(name).resolve("case.yaml");
        JsonNode spec = YAML.readTree(caseFile.toFile());
        Path dir = copy(CORPUS.resolve(name), tmp.resolve(name));
        spec.path("links").properties().forEach(link -> {
            try {
                Path at = dir.resolve(link.getKey());
                Files.createDirectories(at.getParent());
                Files.createSymbolicLink(at, Path.of(expand(link.getValue().asText(), dir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> args = new ArrayList<>();
        spec.path("args").forEach(arg -> args.add(expand(arg.asText(), dir)));
        if (!args.isEmpty() && args.get(0).equals("build")) {
            args.addAll(List.of("-q", "-o", output.toString()));
        }
        Map<String, String> env = new HashMap<>();
        spec.path("env").properties().forEach(variable -> env.put(variable.getKey(), variable.getValue().asText()));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err), env::get).execute(args.toArray(String[]::new));
        String firstLine = err.toString().lines().findFirst().orElse("").replaceFirst("^newsbrief: ", "");
        String actual = firstLine.replace(dir.toString(), "{dir}").replace(output.toString(), "{out}");

        if (RECORD) {
            record(Path.of("src/test/resources/fixture/hostile", name, "case.yaml"), code, actual);
            spec = YAML.readTree(Path.of("src/test/resources/fixture/hostile", name, "case.yaml").toFile());
        }
        assertThat(err.toString()).as("stderr").doesNotContain("\tat ", "Exception:");
        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(spec.path("exit").asInt());
        assertThat(actual).isEqualTo(spec.path("message").asText());
        assertThat(snapshot(output)).as("the published output").isEqualTo(published);
    }

    /** Rewrites the case's exit and message lines, keeping its comments. */
    private static void record(Path source, int code, String message) throws IOException {
        String quoted = new ObjectMapper().writeValueAsString(message);
        String text = Files.readString(source)
                .replaceFirst("(?m)^exit: .*$", "exit: " + code)
                .replaceFirst("(?m)^message: .*$", java.util.regex.Matcher.quoteReplacement("message: " + quoted));
        Files.writeString(source, text);
    }

    private static String expand(String text, Path dir) {
        return text.replace("{dir}", dir.toString()).replace("{out}", output.toString());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }

    private static Map<Path, String> snapshot(Path dir) throws IOException {
        Map<Path, String> files = new HashMap<>();
        for (Path file : Fixtures.publishedFiles(dir)) {
            files.put(file, digest(dir.resolve(file)));
        }
        return files;
    }

    private static String digest(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
