package dev.newsbrief.check;

import dev.newsbrief.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Where checks put what they find. Not thread-safe: one per check run. */
public final class Problems {
    private final List<Problem> found = new ArrayList<>();

    public void add(Problem problem) {
        found.add(java.util.Objects.requireNonNull(problem, "The parameter 'problem' must not be null"));
    }

    /** The error a loader threw. */
    public void add(InvalidInputException e) {
        add(Problem.of(e));
    }

    public void error(String file, int line, int column, String field, String message, String hint) {
        add(Problem.error(file, line, column, field, message, hint));
    }

    public void warning(String file, int line, int column, String field, String message, String hint) {
        add(Problem.warning(file, line, column, field, message, hint));
    }

    /** What was found so far, in the order found. */
    public List<Problem> list() {
        return List.copyOf(found);
    }
}
