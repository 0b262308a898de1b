package dev.newsbrief.testing;

import dev.newsbrief.cli.NewsbriefCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the whole CLI as a user would, with no environment variables, and keeps what it printed. */
public final class Cli {
    private Cli() { }

    /** One run: its exit code, stdout and stderr. */
    public record Run(int code, String out, String err) { }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err), key -> null).execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
