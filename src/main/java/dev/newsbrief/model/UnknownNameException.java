package dev.newsbrief.model;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Bad input that names something that does not exist (an entity id, a field, an enum value),
 * with the names that do: {@code newsbrief check} turns them into a "did you mean …?" hint,
 * which the model cannot compute itself (the hint lives in the check package, above it).
 */
public final class UnknownNameException extends InvalidInputException {
    private final String name;
    private final SortedSet<String> known;

    /**
     * @param name  the name as written
     * @param known the names that would have been accepted there
     */
    public UnknownNameException(String file, int line, int column, String field, String problem, String name,
                                Collection<String> known) {
        super(file, line, column, field, problem);
        this.name = name == null ? "" : name;
        this.known = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(known));
    }

    UnknownNameException(String file, YamlLocator.Position position, String field, String problem, String name,
                         Collection<String> known) {
        this(file, position.line(), position.column(), field, problem, name, known);
    }

    /** The unknown name as written. */
    public String name() {
        return name;
    }

    /** The names accepted where it was written, sorted. */
    public SortedSet<String> known() {
        return known;
    }
}
