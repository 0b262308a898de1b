package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole CLI as users do, capturing its output and exit code. */
class NewsbriefCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void buildWithNoArgumentsBuildsTheDefaultStoryInFourLanguages(@TempDir Path dir) {
        int code = run("build", "--output", dir.toString());
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).isEmpty();
        for (String tag : Fixtures.LANGUAGES) {
            assertThat(dir.resolve(tag).resolve(Fixtures.DEFAULT_ID + ".html")).isRegularFile();
            assertThat(dir.resolve(tag).resolve(Fixtures.DEFAULT_ID + ".pdf")).isRegularFile();
        }
        assertThat(dir.resolve("pack").resolve(Fixtures.DEFAULT_ID + ".pdf")).isRegularFile();
        assertThat(dir.resolve("manifest.json")).isRegularFile();
        assertThat(out.toString()).contains("wrote ru/" + Fixtures.DEFAULT_ID + ".html", "wrote pack/" + Fixtures.DEFAULT_ID + ".pdf",
                "manifest.json (9 files)");
    }

    /** A second build with nothing changed says so and writes nothing; --force renders again. */
    @Test
    void aBuildWithNothingChangedSaysUpToDate(@TempDir Path dir) throws Exception {
        String story = Fixtures.fixture("stories/minimal").toString();
        assertThat(run("build", "-l", "en", "-f", "html", "-o", dir.toString(), story)).isEqualTo(ExitCode.OK);
        java.nio.file.attribute.FileTime written = java.nio.file.Files.getLastModifiedTime(dir.resolve("en/minimal-summit-2026.html"));
        out.getBuffer().setLength(0);
        assertThat(run("build", "-l", "en", "-f", "html", "-o", dir.toString(), story)).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("up to date: " + dir.toAbsolutePath() + " (1 files; no input changed, nothing written)"
                + System.lineSeparator());
        assertThat(java.nio.file.Files.getLastModifiedTime(dir.resolve("en/minimal-summit-2026.html"))).isEqualTo(written);
        out.getBuffer().setLength(0);
        assertThat(run("build", "--force", "-l", "en", "-f", "html", "-o", dir.toString(), story)).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("wrote en/minimal-summit-2026.html");
    }

    @Test
    void languagesAndStoriesCanBeChosen(@TempDir Path dir) {
        int code = run("build", "-q", "-l", "ru,az", "-f", "html", "-o", dir.toString(), Fixtures.fixture("stories/minimal").toString());
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("ru/minimal-summit-2026.html")).isRegularFile();
        assertThat(dir.resolve("en")).doesNotExist();
    }

    @Test
    void helpDescribesTheOptionsAndExitCodes() {
        assertThat(run("build", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--lang", "--format", "--output", "--templates", "--translations",
                "html, pdf, pack", "--paper", "--pdf-profile", "SOURCE_DATE_EPOCH", "--clean", "--wait", "--limit=NAME=VALUE",
                "render-seconds (60)");
        out.getBuffer().setLength(0);
        assertThat(run("--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("build", "Exit codes:", "invalid input: a story",
                "5 another build is writing into the output directory");
    }

    @Test
    void versionNamesTheLibraries() {
        assertThat(run("--version")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("newsbrief", "FreeMarker 2.3.34", "ICU 78.1");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("build", "--colour")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--colour'", "newsbrief build --help");
    }

    @Test
    void missingCommandIsAUsageError() {
        assertThat(run()).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing command");
    }

    /** Bad input: exit 3 and exactly one line naming file, line and field. */
    @Test
    void badStoryGivesOneClearLineAndExitCode3(@TempDir Path dir) throws Exception {
        int code = run("build", "-o", dir.toString(), Fixtures.fixture("bad/unknown-entity.yaml").toString());
        assertThat(code).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString().lines()).hasSize(1).first().asString()
                .startsWith("newsbrief: ")
                .contains("unknown-entity.yaml:21:11: event.hosts[0]: unknown entity 'trum'");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void paperAndProfileAreChecked(@TempDir Path dir) {
        assertThat(run("build", "-o", dir.toString(), "--paper", "a3")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--paper", "a3");
    }

    @Test
    void missingStoryFileIsBadInput(@TempDir Path dir) {
        assertThat(run("build", "-o", dir.toString(), dir.resolve("nope.yaml").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("nope.yaml: no such story file or folder");
    }

    /** While another build holds the output's lock: exit 5 at once, naming the way out. */
    @Test
    void aLockedOutputIsExitFive(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertThat(run("build", "-q", "-l", "en", "-f", "html", "-o", out.toString(), Fixtures.fixture("stories/minimal").toString()))
                .isEqualTo(ExitCode.OK);
        try (var channel = java.nio.channels.FileChannel.open(out.resolve(".newsbrief/lock"), java.nio.file.StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            int code = run("build", "-q", "-l", "ru", "-f", "html", "-o", out.toString(), Fixtures.fixture("stories/minimal").toString());
            assertThat(code).isEqualTo(ExitCode.BUSY);
            assertThat(err.toString()).startsWith("newsbrief: " + out + " is being built by another newsbrief")
                    .contains("add --wait to start when it does");
        }
        assertThat(out.resolve("ru")).doesNotExist();
    }
}
