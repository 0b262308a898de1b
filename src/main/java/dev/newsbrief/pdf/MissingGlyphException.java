package dev.newsbrief.pdf;

/**
 * The text of a PDF holds a character that none of its language's fonts can draw. Raised
 * before anything is written, so no PDF with boxes in place of letters ever exists.
 */
public final class MissingGlyphException extends RuntimeException {
    private final String language;
    private final int codePoint;
    private final String family;
    private final String context;

    public MissingGlyphException(String language, int codePoint, String family, String context) {
        super(describe(language, codePoint, family, context));
        this.language = language;
        this.codePoint = codePoint;
        this.family = family;
        this.context = context;
    }

    /** "U+1F54A" and the character itself, as messages show it. */
    public static String describe(int codePoint) {
        return String.format(java.util.Locale.ROOT, "U+%04X %s", codePoint, Character.getName(codePoint) == null ? "" : "(" + Character.getName(codePoint) + ")").strip();
    }

    private static String describe(String language, int codePoint, String family, String context) {
        return language + ": character " + describe(codePoint) + " is not in font '" + family + "', in \"" + context + "\"";
    }

    public String language() {
        return language;
    }

    public int codePoint() {
        return codePoint;
    }

    public String family() {
        return family;
    }

    public String context() {
        return context;
    }
}
