package dev.newsbrief.render;

import dev.newsbrief.i18n.Typography;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies each language's line-breaking rules ({@link Typography}) to the text of rendered HTML
 * or XHTML, in one pass over the markup: tags, attribute values, comments, {@code <script>} and
 * {@code <style>} pass through untouched, and so do {@code <head>}, {@code <pre>}, {@code <code>},
 * {@code <textarea>} and {@code <svg>} subtrees (no lines to break, or spaces that must stay as
 * written). Each element's {@code lang} (or {@code xml:lang}) attribute selects the rules for its
 * subtree, so a quote's English original inside a Russian page follows the English rules.
 *
 * <p>A rule sees one run of text at a time, with the character before it and a marker for what
 * follows when only inline tags ({@code <a>}, {@code <span>}…) stand between, so that
 * {@code в <a>доме</a>} is joined too. Character references stay byte for byte as written.
 * The markup is expected to be what a template rendered, not arbitrary HTML: nothing is repaired.
 */
public final class TypesetMarkup {
    /** HTML elements without an end tag. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
            "link", "meta", "param", "source", "track", "wbr");
    /** Elements whose content is not markup: copied up to their end tag. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style");
    /** Subtrees left as written. */
    private static final Set<String> UNTOUCHED = Set.of("head", "pre", "code", "kbd", "samp", "textarea", "svg", "math");
    /** Elements inside a line: text on both sides of their tags belongs to one line of words. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i",
            "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var");
    /** Stands for a character reference while rules run: no rule can take it for a letter or a space. */
    private static final char REFERENCE = '\uFFFC';
    /** Stands for the start or end of a run of text that has no neighbour on its line. */
    private static final char EDGE = '\n';
    /** Stands for what follows a run across an inline tag: something on the same line, not a space. */
    private static final char CONTINUES = '\uE000';

    private record Element(String name, String lang, boolean untouched) { }

    private final Function<String, Typography> rules;
    private final Map<String, Typography> byLang = new HashMap<>();

    private TypesetMarkup(Function<String, Typography> rules) {
        this.rules = rules;
    }

    /**
     * {@code markup} with the rules applied to its text.
     *
     * @param markup   HTML or XHTML as a template rendered it
     * @param rootLang the language of text outside any element with a {@code lang} attribute
     * @param rules    the rules of a language tag (a language without rules gives empty ones)
     */
    public static String apply(String markup, String rootLang, Function<String, Typography> rules) {
        return new TypesetMarkup(rules).run(markup, rootLang);
    }

    private String run(String markup, String rootLang) {
        StringBuilder out = new StringBuilder(markup.length() + markup.length() / 32);
        Deque<Element> open = new ArrayDeque<>();
        open.push(new Element("", rootLang == null ? "" : rootLang, false));
        char before = EDGE;
        int i = 0;
        int n = markup.length();
        while (i < n) {
            char c = markup.charAt(i);
            if (c == '<' && i + 1 < n && isTagStart(markup.charAt(i + 1))) {
                int end;
                if (markup.startsWith("<!--", i)) {
                    end = endOf(markup, i, "-->");
                } else if (markup.startsWith("<![CDATA[", i)) {
                    end = endOf(markup, i, "]]>");
                    before = EDGE;
                } else if (markup.charAt(i + 1) == '!' || markup.charAt(i + 1) == '?') {
                    end = endOf(markup, i, ">");
                } else {
                    end = tagEnd(markup, i);
                    String tag = markup.substring(i, end);
                    String name = tagName(tag);
                    if (!INLINE.contains(name)) {
                        before = EDGE;
                    }
                    if (tag.startsWith("</")) {
                        close(open, name);
                    } else if (RAW_TEXT.contains(name) && !tag.endsWith("/>")) {
                        int close = indexOfIgnoreCase(markup, "</" + name, end);
                        end = close < 0 ? n : tagEnd(markup, close);
                    } else if (!VOID.contains(name) && !tag.endsWith("/>")) {
                        Element parent = open.peek();
                        String lang = attribute(tag, "xml:lang");
                        if (lang == null) {
                            lang = attribute(tag, "lang");
                        }
                        open.push(new Element(name, lang != null ? lang : parent.lang(), parent.untouched() || UNTOUCHED.contains(name)));
                    }
                }
                out.append(markup, i, end);
                i = end;
                continue;
            }
            int end = nextTag(markup, i);
            String text = markup.substring(i, end);
            Element here = open.peek();
            if (here.untouched()) {
                out.append(text);
            } else {
                out.append(typeset(text, before, after(markup, end), typography(here.lang())));
            }
            before = text.charAt(text.length() - 1);
            i = end;
        }
        return out.toString();
    }

    private Typography typography(String lang) {
        return byLang.computeIfAbsent(lang.toLowerCase(Locale.ROOT), rules);
    }

    /**
     * One run of text with the rules applied; references are kept as written. A rule that removes
     * a reference or a neighbour marker leaves the run as it was: rules change text, not markup.
     */
    private static String typeset(String text, char before, char after, Typography typography) {
        if (typography.isEmpty()) {
            return text;
        }
        List<String> references = new ArrayList<>();
        StringBuilder masked = new StringBuilder(text.length() + 2).append(before);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int semicolon = c == '&' ? referenceEnd(text, i) : -1;
            if (semicolon > 0) {
                references.add(text.substring(i, semicolon + 1));
                masked.append(REFERENCE);
                i = semicolon;
            } else {
                masked.append(c == REFERENCE ? ' ' : c);
            }
        }
        String input = masked.append(after).toString();
        String result = typography.apply(input);
        if (result.equals(input) || result.isEmpty() || result.charAt(0) != before || result.charAt(result.length() - 1) != after
                || count(result, REFERENCE) != references.size() || text.indexOf(REFERENCE) >= 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(result.length());
        int reference = 0;
        for (int i = 1; i < result.length() - 1; i++) {
            char c = result.charAt(i);
            if (c == REFERENCE) {
                out.append(references.get(reference++));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** What follows a run: {@link #CONTINUES} when the next tag is an inline one, else {@link #EDGE}. */
    private static char after(String markup, int tagStart) {
        if (tagStart >= markup.length()) {
            return EDGE;
        }
        int end = Math.min(markup.length(), tagStart + 12);
        String name = tagName(markup.substring(tagStart, end) + " ");
        return INLINE.contains(name) ? CONTINUES : EDGE;
    }

    /** The end (the semicolon) of a character reference starting at {@code amp}, or -1. */
    private static int referenceEnd(String text, int amp) {
        int i = amp + 1;
        if (i < text.length() && text.charAt(i) == '#') {
            i++;
        }
        int start = i;
        while (i < text.length() && i - start < 32 && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i > start && i < text.length() && text.charAt(i) == ';' ? i : -1;
    }

    private static int count(String text, char c) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
    }

    private static boolean isTagStart(char c) {
        return c == '/' || c == '!' || c == '?' || Character.isLetter(c);
    }

    private static int nextTag(String markup, int from) {
        int i = markup.indexOf('<', from + 1);
        while (i >= 0 && i + 1 < markup.length() && !isTagStart(markup.charAt(i + 1))) {
            i = markup.indexOf('<', i + 1);
        }
        return i < 0 || i + 1 >= markup.length() ? markup.length() : i;
    }

    private static int endOf(String markup, int from, String terminator) {
        int end = markup.indexOf(terminator, from + 2);
        return end < 0 ? markup.length() : end + terminator.length();
    }

    /** The end of the tag at {@code start}: the first '>' outside a quoted attribute value. */
    private static int tagEnd(String markup, int start) {
        char quote = 0;
        for (int i = start + 1; i < markup.length(); i++) {
            char c = markup.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return markup.length();
    }

    /** The lower-case element name of a start or end tag. */
    private static String tagName(String tag) {
        int i = tag.startsWith("</") ? 2 : 1;
        int start = i;
        while (i < tag.length() && !Character.isWhitespace(tag.charAt(i)) && tag.charAt(i) != '>' && tag.charAt(i) != '/') {
            i++;
        }
        return tag.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /** The value of attribute {@code name} in a start tag, or null. */
    private static String attribute(String tag, String name) {
        int i = tag.indexOf(' ');
        while (i >= 0 && i < tag.length()) {
            while (i < tag.length() && (Character.isWhitespace(tag.charAt(i)) || tag.charAt(i) == '/')) {
                i++;
            }
            int nameStart = i;
            while (i < tag.length() && "=>/".indexOf(tag.charAt(i)) < 0 && !Character.isWhitespace(tag.charAt(i))) {
                i++;
            }
            String attribute = tag.substring(nameStart, i);
            if (attribute.isEmpty()) {
                return null;
            }
            String value = "";
            if (i < tag.length() && tag.charAt(i) == '=') {
                i++;
                char quote = i < tag.length() ? tag.charAt(i) : 0;
                if (quote == '"' || quote == '\'') {
                    int close = tag.indexOf(quote, i + 1);
                    close = close < 0 ? tag.length() : close;
                    value = tag.substring(i + 1, close);
                    i = close + 1;
                } else {
                    int valueStart = i;
                    while (i < tag.length() && !Character.isWhitespace(tag.charAt(i)) && tag.charAt(i) != '>') {
                        i++;
                    }
                    value = tag.substring(valueStart, i);
                }
            }
            if (attribute.equalsIgnoreCase(name)) {
                return value.strip();
            }
        }
        return null;
    }

    /** Closes the innermost open element called {@code name}, and any left open inside it; a stray end tag closes nothing. */
    private static void close(Deque<Element> open, String name) {
        boolean isOpen = open.stream().anyMatch(element -> element.name().equals(name));
        if (!isOpen) {
            return;
        }
        while (open.size() > 1) {
            if (open.pop().name().equals(name)) {
                return;
            }
        }
    }

    private static int indexOfIgnoreCase(String text, String needle, int from) {
        for (int i = from; i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
