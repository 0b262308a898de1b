package dev.newsbrief.testing;

/** Text as a test compares it: the no-break spaces (ICU's and the typography rules') and no-break hyphens made plain. */
public final class Plain {
    private Plain() {
    }

    public static String text(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2011', '-');
    }
}
