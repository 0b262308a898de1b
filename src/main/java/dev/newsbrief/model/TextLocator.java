package dev.newsbrief.model;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds which field of a story holds some text, so later stages can point at file and line.
 * The walk is in a fixed order — the story's fields, lists by index, maps in their (document)
 * order — except a quote's translations, which {@link Quote} keeps in a {@code Map.copyOf}
 * whose order changes from one JVM to the next: they are walked by language tag, so the same
 * inputs always name the same field.
 */
public final class TextLocator {
    private TextLocator() { }

    /** The path of the first string field (in document order) containing {@code codePoint}. */
    public static Optional<String> find(Story story, int codePoint) {
        return find("", story, Character.toString(codePoint), null);
    }

    /**
     * The path of the first string field containing {@code codePoint} that the brief of
     * {@code language} draws: as {@link #find(Story, int)}, but of a quote's translations only
     * the one into {@code language} (the others are drawn by the other languages' briefs).
     */
    public static Optional<String> find(Story story, int codePoint, String language) {
        return find("", story, Character.toString(codePoint), language);
    }

    private static Optional<String> find(String path, Object value, String needle, String language) {
        if (value instanceof String text) {
            return text.contains(needle) ? Optional.of(path) : Optional.empty();
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Optional<String> found = find(path + "[" + i + "]", list.get(i), needle, language);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                Optional<String> found = find(join(path, String.valueOf(entry.getKey())), entry.getValue(), needle, language);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (value instanceof Quote quote) {
            Optional<String> found = fields(path, quote, needle, language);
            if (found.isPresent()) {
                return found;
            }
            Map<String, String> translations = new TreeMap<>(quote.translations());
            if (language != null) {
                translations.keySet().retainAll(List.of(language));
            }
            return find(join(path, "translations"), translations, needle, language);
        } else if (value instanceof Record record) {
            return fields(path, record, needle, language);
        }
        return Optional.empty();
    }

    /** The record's components in declaration order; a quote's translations are walked by {@link #find}. */
    private static Optional<String> fields(String path, Record record, String needle, String language) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (record instanceof Quote && component.getName().equals("translations")) {
                continue;
            }
            try {
                Optional<String> found = find(join(path, component.getName()), component.getAccessor().invoke(record), needle, language);
                if (found.isPresent()) {
                    return found;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
