package dev.newsbrief.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.cli.NewsbriefCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of broken inputs: every folder under {@code src/test/resources/check/} is a
 * project ({@code stories/}, and {@code translations/} and {@code templates/} merged over the
 * embedded ones), and its {@code expected.txt} is exactly what {@code newsbrief check} must
 * print for it, with the folder's own path left out. A fixture's optional {@code args.txt}
 * holds more arguments, one per line.
 */
class CheckFixturesTest {
    static final Path ROOT = Path.of("src/test/resources/check");

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reportsExactlyWhatTheFixtureExpects(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        Run run = check(dir, List.of());
        String expected = Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
        assertThat(run.out()).as("stderr: %s", run.err()).isEqualTo(expected);
        assertThat(run.exitCode()).isEqualTo(expected.contains(": error: ") ? 3 : 0);
    }

    @Test
    void theCatalogueHoldsAtLeastTwentyFiveBrokenProjects() throws IOException {
        assertThat(fixtures().filter(name -> {
            try {
                return Files.readString(ROOT.resolve(name).resolve("expected.txt")).contains(": error: ");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).hasSizeGreaterThanOrEqualTo(25);
    }

    record Run(int exitCode, String out, String err) { }

    /** {@code newsbrief check} over the fixture folder {@code dir}, through the real CLI. */
    static Run check(Path dir, List<String> more) throws IOException {
        List<String> args = new ArrayList<>(List.of("check"));
        Path argsFile = dir.resolve("args.txt");
        if (Files.exists(argsFile)) {
            Files.readAllLines(argsFile, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                    .map(line -> line.replace("${dir}", dir.toAbsolutePath().toString())).forEach(args::add);
        }
        args.addAll(more);
        if (Files.isDirectory(dir.resolve("templates"))) {
            args.add("--templates");
            args.add(dir.resolve("templates").toAbsolutePath().toString());
        }
        if (Files.isDirectory(dir.resolve("translations"))) {
            args.add("--translations");
            args.add(dir.resolve("translations").toAbsolutePath().toString());
        }
        if (Files.isDirectory(dir.resolve("stories"))) {
            try (Stream<Path> stories = Files.list(dir.resolve("stories"))) {
                stories.sorted().forEach(story -> args.add(story.toAbsolutePath().toString()));
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err), key -> null)
                .execute(args.toArray(String[]::new));
        String prefix = dir.toAbsolutePath() + java.io.File.separator;
        return new Run(code, out.toString().replace(prefix, ""), err.toString().replace(prefix, ""));
    }
}
