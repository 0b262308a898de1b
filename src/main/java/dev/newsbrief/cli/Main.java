package dev.newsbrief.cli;

/** The {@code java -jar newsbrief.jar} entry point. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        // newsbrief itself never reads the default locale, but OpenPDF 2.4.0 formats each PDF's
        // cross-reference offsets with String.format in it: under a locale with non-ASCII digits
        // (ar-EG, fa, bn…) the PDFs came out corrupt. Formatting defaults to the root locale here,
        // at the process's entry point, and only for formatting.
        java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.ROOT);
        System.exit(NewsbriefCommand.commandLine(
                new java.io.PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8),
                System::getenv, Console.detect(System::getenv)).execute(args));
    }
}
