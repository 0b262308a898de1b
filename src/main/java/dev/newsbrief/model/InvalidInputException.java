package dev.newsbrief.model;

import java.util.Objects;

/**
 * Bad input from a user's file: a story, a translation or a template. The message names
 * the file, the line and column, the field path and what to do, in one line, e.g.
 * {@code story.yaml:12:9: signing.host: unknown entity 'trum'; declare it under 'entities:'}.
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
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        where.append(": ");
        if (field != null && !field.isEmpty()) {
            where.append(field).append(": ");
        }
        return where.append(problem).toString();
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
