package dev.newsbrief.limit;

import dev.newsbrief.model.InvalidInputException;

/**
 * An input made the build exceed one of its {@link Limits}. Bad input like any other (exit 3);
 * the message names the limit and the {@code --limit} option that raises it.
 */
public final class LimitExceededException extends InvalidInputException {
    private final String limit;

    /**
     * @param file    the input (or output) the limit was hit on
     * @param limit   the limit's command-line name, e.g. {@code input-bytes}
     * @param problem what exceeded it, e.g. "the file has 700000 bytes, more than the limit of 524288"
     */
    public LimitExceededException(String file, String limit, String problem) {
        this(file, 0, 0, limit, problem);
    }

    /** A limit hit at a place in the file: 1-based line and column, 0 when unknown. */
    public LimitExceededException(String file, int line, int column, String limit, String problem) {
        super(file, line, column, "", problem + "; if the input is trusted, raise the limit with --limit " + limit + "=<value>");
        this.limit = limit;
    }

    public String limit() {
        return limit;
    }
}
