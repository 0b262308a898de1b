package dev.newsbrief.newsletter;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text part of an email: links as numbered references, lines wrapped at
 * {@value #WIDTH} columns with the language's line-break rules (ICU4J), never inside a URL.
 *
 * <p>A template marks a link with {@link #LINK_START}, the URL, {@link #LINK_END}; {@link #render}
 * turns each into {@code [n]} (one number per distinct URL, in order of first use), wraps every
 * line and appends the numbered list of URLs under a heading.
 */
public final class PlainText {
    /** Columns per line: RFC 3676's and every mail client's comfortable width. */
    public static final int WIDTH = 72;
    /** Opens a link mark in template output (a private-use character: never in real text). */
    public static final char LINK_START = '\uE010';
    /** Closes a link mark. */
    public static final char LINK_END = '\uE011';

    private static final Pattern LINK = Pattern.compile(LINK_START + "([^" + LINK_END + "]*)" + LINK_END);
    /** Addresses written out in text: no break may fall inside one. */
    private static final Pattern URL = Pattern.compile("(?:https?|ftp)://\\S+|mailto:\\S+");

    /** No break position: lastFitting and firstAfter found none. */
    private static final int NONE = -1;

    private PlainText() { }

    /**
     * The final text: every link mark replaced by {@code [n]}, each line wrapped at
     * {@value #WIDTH} columns, and, when there were links, a blank line, {@code heading} and one
     * line {@code [n] URL} per link.
     */
    public static String render(String marked, String heading, ULocale locale) {
        return render(marked, heading, locale, Set.of());
    }

    /**
     * As {@link #render(String, String, ULocale)}, with words that must not end a line
     * ({@link #wrap(String, int, ULocale, Collection)}).
     */
    public static String render(String marked, String heading, ULocale locale, Collection<String> noBreakAfter) {
        Objects.requireNonNull(marked, "The parameter 'marked' must not be null");
        Objects.requireNonNull(heading, "The parameter 'heading' must not be null");
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Matcher link = LINK.matcher(marked);
        StringBuilder body = new StringBuilder();
        while (link.find()) {
            String url = link.group(1).strip();
            int number = numbers.computeIfAbsent(url, u -> numbers.size() + 1);
            link.appendReplacement(body, Matcher.quoteReplacement("[" + number + "]"));
        }
        link.appendTail(body);
        StringBuilder text = new StringBuilder(wrap(body.toString().strip(), WIDTH, locale, noBreakAfter));
        if (!numbers.isEmpty()) {
            text.append("\n\n").append(heading).append('\n');
            numbers.forEach((url, number) -> text.append('[').append(number).append("] ").append(url).append('\n'));
        } else {
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * Wraps each line of {@code text} at {@code width} columns. Line breaks already in the
     * text stay; a wrapped line's continuation keeps its leading spaces. Breaks fall where
     * ICU's line-break rules for {@code locale} allow, preferring those after a space (so
     * words stay whole, and a no-break space holds its neighbours together), never inside a
     * URL and never before a spaced dash ({@code " — "} ends a line, it does not start one).
     * A word or URL longer than the width gets a line of its own, longer than the width.
     * Columns are counted in characters, combining marks and invisible characters not counted.
     */
    public static String wrap(String text, int width, ULocale locale) {
        return wrap(text, width, locale, Set.of());
    }

    /**
     * As {@link #wrap(String, int, ULocale)}, and no line ends with one of the words
     * {@code noBreakAfter} (compared in lower case): Russian typography keeps one-letter
     * prepositions and conjunctions ("в", "и") with the word after them. The words are data of
     * each language (the message {@code newsletter.noBreakAfter}), not rules in code.
     */
    public static String wrap(String text, int width, ULocale locale, Collection<String> noBreakAfter) {
        Objects.requireNonNull(text, "The parameter 'text' must not be null");
        Objects.requireNonNull(noBreakAfter, "The parameter 'noBreakAfter' must not be null");
        Objects.requireNonNull(locale, "The parameter 'locale' must not be null");
        if (width < 1) {
            throw new IllegalArgumentException("The parameter 'width' must be at least 1: " + width);
        }
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(String.join("\n", wrapLine(stripTrailing(lines[i]), width, locale, lowerCase(noBreakAfter, locale))));
        }
        return out.toString();
    }

    /** One line of text as lines of at most {@code width} columns. */
    static List<String> wrapLine(String line, int width, ULocale locale, Set<String> noBreakAfter) {
        int indentEnd = 0;
        while (indentEnd < line.length() && line.charAt(indentEnd) == ' ') {
            indentEnd++;
        }
        String indent = line.substring(0, indentEnd);
        int available = width - columns(indent, 0, indentEnd);
        List<String> wrapped = new ArrayList<>();
        List<Integer> allowed = null;
        int start = indentEnd;
        // Each turn either ends the line or cuts at an allowed break after 'start': ICU never breaks
        // before a space, so every continuation starts with a word.
        while (columns(line, start, line.length()) > available) {
            if (allowed == null) {
                allowed = allowedBreaks(line, indentEnd, locale, noBreakAfter);
            }
            int cut = lastFitting(line, start, available, allowed, true);
            if (cut == NONE) {
                // No break after a space fits: another that ICU allows (after a hyphen, say).
                cut = lastFitting(line, start, available, allowed, false);
            }
            if (cut == NONE) {
                // Nothing fits: the long word or URL takes a line of its own.
                cut = firstAfter(start, allowed);
            }
            if (cut == NONE) {
                break;
            }
            wrapped.add(indent + stripTrailing(line.substring(start, cut)));
            start = cut;
        }
        wrapped.add(indent + line.substring(start));
        return wrapped;
    }

    /** Where ICU may break {@code line} after its indent, less the breaks this class forbids. */
    private static List<Integer> allowedBreaks(String line, int indentEnd, ULocale locale, Set<String> noBreakAfter) {
        List<int[]> urls = new ArrayList<>();
        Matcher url = URL.matcher(line);
        while (url.find()) {
            urls.add(new int[] {url.start(), url.end()});
        }
        BreakIterator breaks = BreakIterator.getLineInstance(locale);
        breaks.setText(line);
        List<Integer> allowed = new ArrayList<>();
        for (int at = breaks.following(indentEnd); at != BreakIterator.DONE && at < line.length(); at = breaks.next()) {
            if (!insideUrl(at, urls) && !beforeSpacedDash(line, at) && !afterBoundWord(line, at, noBreakAfter, locale)) {
                allowed.add(at);
            }
        }
        return allowed;
    }

    private static int lastFitting(String line, int start, int available, List<Integer> allowed, boolean afterSpaceOnly) {
        int best = NONE;
        for (int at : allowed) {
            if (at <= start) {
                continue;
            }
            if (columns(line, start, trimmedEnd(line, start, at)) > available) {
                break;
            }
            if (!afterSpaceOnly || Character.isWhitespace(line.charAt(at - 1))) {
                best = at;
            }
        }
        return best;
    }

    private static int firstAfter(int start, List<Integer> allowed) {
        for (int at : allowed) {
            if (at > start) {
                return at;
            }
        }
        return NONE;
    }

    private static boolean insideUrl(int at, List<int[]> urls) {
        for (int[] span : urls) {
            if (at > span[0] && at < span[1]) {
                return true;
            }
        }
        return false;
    }

    /** True when the word just before a break at {@code at} (after its spaces) must stay with the next one. */
    private static boolean afterBoundWord(String line, int at, Set<String> noBreakAfter, ULocale locale) {
        int end = at;
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && !Character.isWhitespace(line.charAt(start - 1))) {
            start--;
        }
        // An empty word (only spaces before the break) is never in the set: lowerCase drops "".
        return noBreakAfter.contains(UCharacter.toLowerCase(locale, line.substring(start, end)));
    }

    private static Set<String> lowerCase(Collection<String> words, ULocale locale) {
        Set<String> lower = new HashSet<>();
        words.forEach(word -> lower.add(UCharacter.toLowerCase(locale, word.strip())));
        lower.remove("");
        return lower;
    }

    /** A spaced em or en dash belongs to the line before it: "A — B" never starts a line with "—". */
    private static boolean beforeSpacedDash(String line, int at) {
        char c = line.charAt(at);
        return (c == '\u2014' || c == '\u2013') && at + 1 < line.length() && line.charAt(at + 1) == ' ';
    }

    private static int trimmedEnd(String line, int start, int end) {
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Columns a stretch of text takes: one per character, none for combining marks and invisible format characters. */
    static int columns(String text, int start, int end) {
        int count = 0;
        for (int i = start; i < end; ) {
            int c = text.codePointAt(i);
            int type = UCharacter.getType(c);
            boolean zeroWidth = type == UCharacter.NON_SPACING_MARK || type == UCharacter.ENCLOSING_MARK
                    || type == UCharacter.FORMAT || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
            if (!zeroWidth) {
                count++;
            }
            i += Character.charCount(c);
        }
        return count;
    }

    private static String stripTrailing(String line) {
        return line.stripTrailing();
    }
}
