package dev.newsbrief.model;

import java.util.Objects;

/**
 * Bad input from a user's file: a story, a translation or a template. The message names
 * the file, the line and column, the field path and what to do, in one line, e.g.
 * {@code story.yaml:12:9: signing.host: unknown entity 'trum'; declare it under 'entities:'}.
 * Control characters in the file name, field and problem are printed as <code>&#92;u001B</code>, so
 * one error stays one line and a hostile value cannot drive the terminal it is printed on.
 */
public class InvalidInputException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    /**
     * @param file    the file as the user named it
     * @param line    1-based line, or 0 when unknown
     * @param column  1-based column, or 0 when unknown
     * @param field   dotted path of the field, e.g. {@code signing.signatories[1]}; empty for the whole file
     * @param problem what is wrong and what to do
     */
    public InvalidInputException(String file, int line, int column, String field, String problem) {
        super(format(file, line, column, field, problem));
        this.file = Objects.requireNonNull(file, "The parameter 'file' must not be null");
        this.line = line;
        this.column = column;
        this.field = field == null ? "" : field;
        this.problem = problem;
    }

    private static String format(String file, int line, int column, String field, String problem) {
        StringBuilder where = new StringBuilder(escape(file));
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        where.append(": ");
        if (field != null && !field.isEmpty()) {
            where.append(escape(field)).append(": ");
        }
        return where.append(escape(problem)).toString();
    }

    /**
     * {@code text} with every C0 and C1 control (ESC, CR, LF, TAB, DEL included), bidi control
     * and line or paragraph separator written as <code>&#92;uXXXX</code>: these could split a message
     * into lines, rewrite the terminal (ANSI escapes) or reorder what the reader sees (Trojan Source).
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                escaped.append(String.format("\\u%04X", (int) c));
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
