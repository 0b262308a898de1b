package dev.newsbrief.cli;

import dev.newsbrief.build.Fingerprint;
import dev.newsbrief.daemon.DaemonClient;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/** The {@code java -jar newsbrief.jar} entry point. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        // newsbrief itself never reads the default locale, but OpenPDF 2.4.0 formats each PDF's
        // cross-reference offsets with String.format in it: under a locale with non-ASCII digits
        // (ar-EG, fa, bn…) the PDFs came out corrupt. Formatting defaults to the root locale here,
        // at the process's entry point, and only for formatting.
        java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.ROOT);
        System.exit(run(args, System.getenv(), System.getProperty("user.dir"), System.out, System.err));
    }

    /**
     * Runs {@code args} as the process would, in a running daemon or here, and returns the exit code.
     * A running daemon builds faster than this JVM can start: the build goes to it before picocli or
     * anything heavy loads. Any reason it cannot serve means: build here, as if it were not there.
     */
    static int run(String[] args, Map<String, String> environment, String workingDirectory, PrintStream out, PrintStream err) {
        Function<String, String> variables = new Variables(environment);
        Console console = Console.detect(variables);
        Path socket = DaemonClient.socketFor(args, environment, err);
        if (socket != null) {
            OptionalInt served = DaemonClient.build(socket, args, environment, workingDirectory, Fingerprint.codeFile(), console.terminal(),
                    out, err);
            if (served.isPresent()) {
                return served.getAsInt();
            }
        }
        return NewsbriefCommand.commandLine(new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8), variables, console).execute(args);
    }

    /** The environment as a function; a class, not a lambda, because the first lambda costs the client's start-up tens of ms. */
    private record Variables(Map<String, String> environment) implements Function<String, String> {
        @Override
        public String apply(String name) {
            return environment.get(name);
        }
    }
}
