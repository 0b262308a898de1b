package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.newsbrief.testing.Smtp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedule --once} builds and sends what is due through the real pipeline; {@code status} shows it. */
class ScheduleCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private GreenMail greenMail;

    @TempDir
    Path dir;

    @BeforeEach
    void startSmtp() {
        greenMail = Smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        greenMail.stop();
    }

    private int run(String... args) {
        Map<String, String> environment = Smtp.environment(greenMail);
        return NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err), environment::get).execute(args);
    }

    /** The sample newsletter (due at 06:00 Yerevan time), two languages, its own subscribers. */
    private Path newsletter() throws IOException {
        String sample = Files.readString(Path.of("newsletters/morning.yaml"))
                .replace("../src/main/resources/stories", Path.of("src/main/resources/stories").toAbsolutePath().toString())
                .replace("max: 3 ", "max: 1 ");
        sample = sample.substring(0, sample.indexOf("  hy:")) + sample.substring(sample.indexOf("  ru:"));
        Files.createDirectories(dir.resolve("subscribers"));
        for (String tag : List.of("ru", "en")) {
            Files.writeString(dir.resolve("subscribers/morning-" + tag + ".csv"), "email\nreader-" + tag + "@example.org\n");
        }
        return Files.writeString(dir.resolve("morning.yaml"), sample);
    }

    @Test
    void onceBuildsAndSendsTheDueEditionAndStatusShowsTheRun() throws IOException {
        Path file = newsletter();
        String output = dir.resolve("out").toString();
        assertThat(run("status", "-o", output)).isEqualTo(ExitCode.OK);
        out.getBuffer().setLength(0);

        assertThat(run("schedule", "--once", "-o", output, file.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("newsletter=morning", "outcome=ok", "morning edition 1 (", "sent 1", "sealed");
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(dir.resolve("out/newsletters/morning/ru/1.eml")).isRegularFile();

        // The same due time again: already handled, nothing built or sent.
        err.getBuffer().setLength(0);
        assertThat(run("schedule", "--once", "-o", output, file.toString())).isEqualTo(ExitCode.OK);
        assertThat(greenMail.getReceivedMessages()).as(err.toString()).hasSize(2);

        assertThat(run("status", "-o", output, "--zone", "Asia/Yerevan")).isEqualTo(ExitCode.OK);
        String table = out.toString();
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("NEWSLETTER  LAST SCHEDULED");
        assertThat(table).contains("morning", " ok ", "+04:00");
    }

    @Test
    void noNewsletterFilesIsBadInput() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("none"));
        assertThat(run("schedule", "--once", "-o", dir.resolve("out").toString(), empty.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("no newsletter files (*.yaml) here");
    }

    @Test
    void anUnreachableStoreIsExitFourWithoutThePassword() throws IOException {
        Path file = newsletter();
        Map<String, String> environment = Map.of("NEWSBRIEF_DB_USER", "nobody", "NEWSBRIEF_DB_PASSWORD", "s3cret-value");
        int code = NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err), environment::get)
                .execute("schedule", "--once", "--store", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "-o",
                        dir.resolve("out").toString(), file.toString());
        assertThat(code).isEqualTo(ExitCode.IO);
        assertThat(err.toString()).startsWith("newsbrief: ").doesNotContain("s3cret-value").doesNotContain("\tat ");
    }
}
