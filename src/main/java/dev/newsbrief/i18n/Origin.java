package dev.newsbrief.i18n;

import dev.newsbrief.model.InvalidInputException;

/** Where a message, a lexicon entry or a form was written: for errors that point at it. */
public record Origin(String file, int line, int column) {
    static final Origin UNKNOWN = new Origin("", 0, 0);

    /** An error about the key or entry {@code field} written here. */
    public InvalidInputException error(String field, String problem) {
        return new InvalidInputException(file, line, column, field, problem);
    }
}
