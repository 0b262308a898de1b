package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.check.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org), in help and in newsbrief's messages. */
class ConsoleTest {
    private static final String ESC = "\u001B[";

    private static Function<String, String> env(Map<String, String> variables) {
        return variables::get;
    }

    @Test
    void colourNeedsATerminalAndNoNoColor() {
        assertThat(Console.of(true, env(Map.of())).color()).isTrue();
        assertThat(Console.of(false, env(Map.of())).color()).isFalse();
        assertThat(Console.of(true, env(Map.of("NO_COLOR", "1"))).color()).isFalse();
        assertThat(Console.of(true, env(Map.of("NO_COLOR", "false"))).color()).as("any non-empty value").isFalse();
        assertThat(Console.of(true, env(Map.of("NO_COLOR", ""))).color()).as("empty means unset").isTrue();
        assertThat(Console.of(true, env(Map.of("TERM", "dumb"))).color()).isFalse();
        assertThat(new Console(false, true).color()).as("no colour into a pipe").isFalse();
    }

    private static String help(Console console) {
        StringWriter out = new StringWriter();
        int code = NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()), name -> null, console)
                .execute("build", "--help");
        assertThat(code).isEqualTo(ExitCode.OK);
        return out.toString();
    }

    @Test
    void helpIsColouredOnATerminalOnly() {
        assertThat(help(Console.of(true, env(Map.of())))).contains(ESC + "1m" + "newsbrief build" + ESC + "21");
        assertThat(help(Console.of(true, env(Map.of("NO_COLOR", "1"))))).doesNotContain(ESC).contains("newsbrief build");
        assertThat(help(Console.PLAIN)).doesNotContain(ESC);
    }

    @Test
    void problemsHaveTheirSeverityColouredAndNothingElseChanged() {
        Problem error = Problem.error("a: error: b.yaml", 3, 4, "event.hosts[0]", "unknown entity 'trum'", "did you mean 'trump'?");
        Problem warning = Problem.warning("t.yaml", 1, 1, "", "unused", "");
        Console colour = Console.of(true, env(Map.of()));
        assertThat(colour.format(error)).isEqualTo("a: error: b.yaml:3:4: \u001B[1;31merror\u001B[0m: event.hosts[0]: unknown entity 'trum' (did you mean 'trump'?)");
        assertThat(colour.format(warning)).isEqualTo("t.yaml:1:1: \u001B[1;33mwarning\u001B[0m: unused");
        Console noColour = Console.of(true, env(Map.of("NO_COLOR", "1")));
        assertThat(noColour.format(error)).isEqualTo(error.format());
        assertThat(Console.PLAIN.format(warning)).isEqualTo(warning.format());
    }
}
