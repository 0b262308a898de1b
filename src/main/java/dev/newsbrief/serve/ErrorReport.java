package dev.newsbrief.serve;

import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the error page shows of a bad input: where (file, line, column, field), what is wrong,
 * and the offending line of the file with a caret under the column, when the file can be read.
 *
 * @param where   {@code file:line:col}, as the CLI prints it
 * @param line    the offending line of the file, or empty
 * @param caret   spaces and a {@code ^} under the column, or empty
 */
public record ErrorReport(String file, int lineNumber, int column, String field, String problem, String where,
                          String line, String caret) {
    private static final String EMBEDDED = "(embedded) ";
    /** A line longer than this is cut around the column: the page is for reading, not for a minified file. */
    private static final int WIDEST_LINE = 400;

    /**
     * @param roots folders a relative file name (a template's, e.g. {@code brief.ftlh}) may be relative to,
     *              in order; the embedded templates are tried last
     */
    public static ErrorReport of(InvalidInputException error, List<Path> roots) {
        String where = error.file() + (error.line() > 0 ? ":" + error.line() + (error.column() > 0 ? ":" + error.column() : "") : "");
        String text = error.line() > 0 ? sourceLine(error.file(), error.line(), roots).orElse("") : "";
        String caret = "";
        if (!text.isEmpty() && error.column() > 0) {
            int from = Math.max(0, Math.min(error.column() - 1, text.length()) - WIDEST_LINE / 2);
            text = text.substring(from, Math.min(text.length(), from + WIDEST_LINE));
            // Tabs stay tabs under the line, so the caret lines up however the browser draws them.
            StringBuilder pad = new StringBuilder();
            for (int i = 0; i < error.column() - 1 - from && i < text.length(); i++) {
                pad.append(text.charAt(i) == '\t' ? '\t' : ' ');
            }
            caret = pad + "^";
        }
        return new ErrorReport(error.file(), error.line(), error.column(), error.field(), error.problem(), where,
                InvalidInputException.escape(text).replace("\\u0009", "\t"), caret);
    }

    /** Line {@code number} (1-based) of the file the error names, looked for as a path, under each root, then embedded. */
    static Optional<String> sourceLine(String file, int number, List<Path> roots) {
        List<Path> candidates = new ArrayList<>();
        if (!file.startsWith(EMBEDDED)) {
            try {
                Path path = Path.of(file);
                candidates.add(path);
                if (!path.isAbsolute()) {
                    roots.forEach(root -> candidates.add(root.resolve(path)));
                }
            } catch (java.nio.file.InvalidPathException e) {
                // Not a file name (e.g. "--lang"): nothing to show.
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return line(Files.readString(candidate, StandardCharsets.UTF_8), number);
                } catch (IOException | java.io.UncheckedIOException e) {
                    return Optional.empty();
                }
            }
        }
        String resource = file.startsWith(EMBEDDED) ? file.substring(EMBEDDED.length()) : "templates/" + file;
        if (resource.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = ErrorReport.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : line(new String(in.readAllBytes(), StandardCharsets.UTF_8), number);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> line(String text, int number) {
        return text.lines().skip(number - 1L).findFirst();
    }
}
