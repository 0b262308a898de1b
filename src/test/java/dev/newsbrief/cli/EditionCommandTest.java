package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsbrief edition} as users run it: the sample newsletter, exit codes, messages. */
class EditionCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        return NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err), environment::get).execute(args);
    }

    @Test
    void theSampleNewsletterBuildsAnEditionAndASecondRunIsUpToDate(@TempDir Path dir) {
        String output = dir.resolve("out").toString();
        assertThat(run(Map.of(), "edition", "newsletters/morning.yaml", "-o", output)).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("morning edition 1 (").contains("3 stories", "wrote ", "; open");
        assertThat(dir.resolve("out/newsletters/morning/hy/1.eml")).isRegularFile();
        out.getBuffer().setLength(0);
        assertThat(run(Map.of(), "edition", "newsletters/morning.yaml", "-o", output)).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("morning edition 1 (").contains("up to date");
        out.getBuffer().setLength(0);
        assertThat(run(Map.of(), "edition", "newsletters/morning.yaml", "-o", output, "--seal")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).endsWith("; sealed" + System.lineSeparator());
        out.getBuffer().setLength(0);
        assertThat(run(Map.of(), "edition", "newsletters/morning.yaml", "-o", output)).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("morning: nothing new to send");
    }

    @Test
    void sendingWithoutAnSmtpHostIsBadInputNamingTheVariable(@TempDir Path dir) {
        assertThat(run(Map.of(), "edition", "newsletters/morning.yaml", "-o", dir.toString(), "--send")).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).startsWith("newsbrief: environment: NEWSBRIEF_SMTP_HOST: not set");
        assertThat(dir.resolve("newsletters")).doesNotExist();
    }

    @Test
    void optionsThatExcludeEachOtherAreUsageErrors(@TempDir Path dir) {
        assertThat(run(Map.of(), "edition", "newsletters/morning.yaml", "-o", dir.toString(), "--send", "--seal")).isEqualTo(ExitCode.USAGE);
        assertThat(run(Map.of(), "edition", "newsletters/morning.yaml", "-o", dir.toString(), "--resend-in-doubt")).isEqualTo(ExitCode.USAGE);
        assertThat(run(Map.of(), "edition", "newsletters/morning.yaml", "-o", dir.toString(), "--at", "tomorrow")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--at: 'tomorrow' is not an instant such as 2025-08-09T06:00:00Z, nor 'now'");
    }

    @Test
    void aStoreThatIsNotPostgresIsBadInput(@TempDir Path dir) {
        assertThat(run(Map.of(), "edition", "newsletters/morning.yaml", "-o", dir.toString(), "--store", "jdbc:mysql://x/y"))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("is not a PostgreSQL JDBC URL");
    }

    @Test
    void aBadNewsletterFileIsExitThreeWithItsLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "list: nope\n");
        assertThat(run(Map.of(), "edition", file.toString(), "-o", dir.resolve("out").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).startsWith("newsbrief: " + file + ":");
    }
}
