package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check's report: the severity in colour on a terminal, never with NO_COLOR nor in a pipe; -v times each check. */
class CheckConsoleTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(Console console, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err), name -> null, console).execute(all);
    }

    @Test
    void errorsAreRedOnATerminalOnly(@TempDir Path dir) throws Exception {
        Path story = Files.writeString(dir.resolve("story.yaml"), "id: [unclosed\n");
        assertThat(check(Console.of(true, Map.<String, String>of()::get), story.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        String coloured = out.toString();
        assertThat(coloured).contains(": \u001B[1;31merror\u001B[0m: ").endsWith("0 warnings\n");

        assertThat(check(Console.of(true, Map.of("NO_COLOR", "1")::get), story.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(out.toString()).doesNotContain("\u001B").isEqualTo(coloured.replace("\u001B[1;31m", "").replace("\u001B[0m", ""));
        assertThat(check(Console.PLAIN, story.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(out.toString()).doesNotContain("\u001B").contains(": error: ");
    }

    @Test
    void verboseTimesEachCheckOnStderr() {
        assertThat(check(Console.PLAIN, "-v")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("no problems found\n");
        assertThat(err.toString()).containsPattern("(?m)^StoryCheck: \\d+ ms$").containsPattern("(?m)^FontCheck: \\d+ ms$");
        assertThat(check(Console.PLAIN, "-q", "-v")).isEqualTo(ExitCode.USAGE);
    }
}
