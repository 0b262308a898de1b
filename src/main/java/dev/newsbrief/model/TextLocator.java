package dev.newsbrief.model;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds which field of a story holds some text, so later stages can point at file and line. */
public final class TextLocator {
    private TextLocator() { }

    /** The path of the first string field (in document order) containing {@code codePoint}. */
    public static Optional<String> find(Story story, int codePoint) {
        return find("", story, Character.toString(codePoint));
    }

    private static Optional<String> find(String path, Object value, String needle) {
        if (value instanceof String text) {
            return text.contains(needle) ? Optional.of(path) : Optional.empty();
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Optional<String> found = find(path + "[" + i + "]", list.get(i), needle);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                Optional<String> found = find(join(path, String.valueOf(entry.getKey())), entry.getValue(), needle);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    Optional<String> found = find(join(path, component.getName()), component.getAccessor().invoke(record), needle);
                    if (found.isPresent()) {
                        return found;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
