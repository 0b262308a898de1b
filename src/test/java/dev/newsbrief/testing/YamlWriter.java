package dev.newsbrief.testing;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists and scalars as block-style YAML, the way people write stories,
 * so that generated inputs reach the loaders' line and column reporting. Strings are
 * double-quoted with YAML escapes (so any code point, controls included, survives the trip);
 * a {@link Raw} token is written exactly as given, for plain scalars (dates, numbers written
 * as text) and for deliberately broken syntax.
 */
public final class YamlWriter {
    /** A token written as it is: a plain scalar, an alias, or broken syntax. */
    public record Raw(String token) {
        @Override
        public String toString() {
            return token;
        }
    }

    private YamlWriter() { }

    public static String write(Object tree) {
        StringBuilder out = new StringBuilder();
        if (tree instanceof Map<?, ?> || tree instanceof List<?>) {
            block(tree, 0, out);
        } else {
            out.append(scalar(tree)).append('\n');
        }
        return out.toString();
    }

    private static void block(Object node, int indent, StringBuilder out) {
        String pad = " ".repeat(indent);
        if (node instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                out.append(pad).append(key(entry.getKey())).append(':');
                value(entry.getValue(), indent, out);
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                out.append(pad).append('-');
                value(item, indent, out);
            }
        }
    }

    private static void value(Object value, int indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            out.append(" {}\n");
        } else if (value instanceof List<?> list && list.isEmpty()) {
            out.append(" []\n");
        } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
            out.append('\n');
            block(value, indent + 2, out);
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    private static String key(Object key) {
        if (key instanceof String text && text.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            return text;
        }
        return scalar(key);
    }

    /** One scalar: strings double-quoted and escaped, numbers and booleans plain, null as ~. */
    public static String scalar(Object value) {
        if (value == null) {
            return "~";
        }
        if (value instanceof String text) {
            return quote(text);
        }
        return value.toString();
    }

    /** A YAML double-quoted string; escapes what YAML does not allow raw in a stream. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF
                            || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) {
                        out.append(String.format("\\u%04X", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
