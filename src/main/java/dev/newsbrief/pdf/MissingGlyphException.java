package dev.newsbrief.pdf;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The text of a PDF holds a character that none of its language's fonts can draw. Raised
 * before anything is written, so no PDF with boxes in place of letters ever exists.
 */
public final class MissingGlyphException extends RuntimeException {
    private final String language;
    private final int codePoint;
    private final List<String> families;
    private final String context;

    public MissingGlyphException(String language, int codePoint, List<String> families, String context) {
        super(language + ": character " + describe(codePoint) + " " + notIn(families) + ", in \"" + context + "\"");
        this.language = language;
        this.codePoint = codePoint;
        this.families = List.copyOf(families);
        this.context = context;
    }

    /** "U+1F54A" and the character itself, as messages show it. */
    public static String describe(int codePoint) {
        return String.format(java.util.Locale.ROOT, "U+%04X %s", codePoint, Character.getName(codePoint) == null ? "" : "(" + Character.getName(codePoint) + ")").strip();
    }

    /** "is not in the PDF font 'A'", or "is in none of the PDF fonts 'A', 'B'" for a fallback list. */
    public static String notIn(List<String> families) {
        String names = families.stream().map(family -> "'" + family + "'").collect(Collectors.joining(", "));
        return families.size() == 1 ? "is not in the PDF font " + names : "is in none of the PDF fonts " + names;
    }

    public String language() {
        return language;
    }

    public int codePoint() {
        return codePoint;
    }

    /** The language's families, in fallback order. */
    public List<String> families() {
        return families;
    }

    public String context() {
        return context;
    }
}
