package dev.newsbrief.check;

import dev.newsbrief.model.InvalidInputException;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing {@code newsbrief check} found wrong: where it is (file, line, column, field or key),
 * what is wrong and what was expected, and, when there is one, a hint ("did you mean 'trump'?").
 *
 * @param severity an error fails the check (and would fail a build); a warning does not
 * @param file     the file as the user named it (or an option, such as {@code --lang})
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param field    dotted path of the field, or the message key; empty for the whole file
 * @param message  what is wrong and what was expected, in one line
 * @param hint     what to do, or empty
 */
public record Problem(Severity severity, String file, int line, int column, String field, String message, String hint)
        implements Comparable<Problem> {

    public enum Severity {
        ERROR, WARNING;

        /** As printed: {@code error}, {@code warning}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Problems in the order a reader fixes them: file by file, top to bottom. */
    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::field)
            .thenComparing(Problem::message)
            .thenComparing(Problem::severity);

    public Problem {
        Objects.requireNonNull(severity, "The parameter 'severity' must not be null");
        Objects.requireNonNull(file, "The parameter 'file' must not be null");
        Objects.requireNonNull(message, "The parameter 'message' must not be null");
        field = field == null ? "" : field;
        hint = hint == null ? "" : hint;
    }

    public static Problem error(String file, int line, int column, String field, String message, String hint) {
        return new Problem(Severity.ERROR, file, line, column, field, message, hint);
    }

    public static Problem warning(String file, int line, int column, String field, String message, String hint) {
        return new Problem(Severity.WARNING, file, line, column, field, message, hint);
    }

    /** The error a loader threw, as a problem. */
    public static Problem of(InvalidInputException e) {
        return error(e.file(), e.line(), e.column(), e.field(), e.problem(), "");
    }

    /** The error a loader threw, with a hint. */
    public static Problem of(InvalidInputException e, String hint) {
        return error(e.file(), e.line(), e.column(), e.field(), e.problem(), hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * One line, like a compiler's: {@code story.yaml:21:11: error: event.hosts[0]: unknown entity 'trum'},
     * then {@code  (did you mean 'trump'?)} when there is a hint. Control characters are escaped,
     * so a hostile value cannot split the line or drive the terminal.
     */
    public String format() {
        StringBuilder text = new StringBuilder(InvalidInputException.escape(file));
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ").append(severity.id()).append(": ");
        if (!field.isEmpty()) {
            text.append(InvalidInputException.escape(field)).append(": ");
        }
        text.append(InvalidInputException.escape(message));
        if (!hint.isEmpty()) {
            text.append(" (").append(InvalidInputException.escape(hint)).append(')');
        }
        return text.toString();
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}
