package dev.newsbrief.cli;

import dev.newsbrief.check.Problem;
import dev.newsbrief.model.InvalidInputException;
import java.util.function.Function;
import picocli.CommandLine.Help.Ansi;

/**
 * What the process's stderr and stdout are attached to, decided once in {@link Main} and passed
 * to the commands (tests pass their own): whether a person watches a terminal (then a progress
 * bar is drawn) and whether to colour text (a terminal, and no {@code NO_COLOR}).
 *
 * @param terminal a person is watching a terminal: progress may be drawn with carriage returns
 * @param color    ANSI colours are allowed, in help and in newsbrief's own messages
 */
public record Console(boolean terminal, boolean color) {
    private static final String RED = "\u001B[1;31m";
    private static final String YELLOW = "\u001B[1;33m";
    private static final String RESET = "\u001B[0m";

    /** Not a terminal: no progress, no colour. What tests and pipes get. */
    public static final Console PLAIN = new Console(false, false);

    public Console {
        // Colour codes in a file or pipe are noise for the next program.
        color = color && terminal;
    }

    /**
     * The console of this process: a terminal when {@link System#console()} says one is attached
     * (on JDK 22+, where a console object exists even when redirected, only if it
     * {@code isTerminal()}); colour unless {@code NO_COLOR} is set to anything but the empty
     * string (https://no-color.org) or {@code TERM} is {@code dumb}.
     */
    public static Console detect(Function<String, String> environment) {
        return of(isTerminal(System.console()), environment);
    }

    /** The console for a terminal or not, with colour as {@code environment} allows. */
    public static Console of(boolean terminal, Function<String, String> environment) {
        String noColor = environment.apply("NO_COLOR");
        boolean color = (noColor == null || noColor.isEmpty()) && !"dumb".equals(environment.apply("TERM"));
        return new Console(terminal, color);
    }

    /** System.console() stands for a terminal before JDK 22; from 22 on it must also say isTerminal(). */
    private static boolean isTerminal(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            // Called by reflection: the project compiles for Java 21, where isTerminal() does not exist.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException olderJdk) {
            return true;
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }

    /** picocli's colour setting for help, matching ours (picocli's own AUTO reads the real environment, not the injected one). */
    public Ansi ansi() {
        return color ? Ansi.ON : Ansi.OFF;
    }

    /**
     * A problem as {@link Problem#format()} prints it, with its severity ({@code error} red,
     * {@code warning} yellow) coloured when colour is on; otherwise exactly {@code format()}.
     */
    public String format(Problem problem) {
        String line = problem.format();
        if (!color) {
            return line;
        }
        String marker = ": " + problem.severity().id() + ": ";
        // Searched for after the file name, which is printed first and could contain the marker itself.
        int at = line.indexOf(marker, InvalidInputException.escape(problem.file()).length());
        if (at < 0) {
            return line;
        }
        String paint = problem.isError() ? RED : YELLOW;
        return line.substring(0, at + 2) + paint + problem.severity().id() + RESET + line.substring(at + 2 + problem.severity().id().length());
    }
}
