package dev.newsbrief.cli;

/** The {@code java -jar newsbrief.jar} entry point. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.exit(NewsbriefCommand.commandLine(
                new java.io.PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8)).execute(args));
    }
}
