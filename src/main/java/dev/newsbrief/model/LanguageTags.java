package dev.newsbrief.model;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one check for a language tag that names something: a translations folder, a story
 * bundle's {@code <tag>.yaml}, a {@code --lang} value. Such a tag becomes a path
 * ({@code output/<tag>/}), an attribute ({@code lang}, {@code hreflang}) and a CSS selector,
 * so it must be a well-formed BCP 47 tag written the way newsbrief writes it
 * ({@code hy}, {@code az}, {@code sr-Latn}, {@code en-US}) and must not collide with an output
 * name newsbrief reserves ({@code pack}) or look like a hidden file.
 */
public final class LanguageTags {
    /** Output folder names a language may not take. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("pack");

    private LanguageTags() { }

    /**
     * Returns {@code tag} if it may name a language, else throws.
     *
     * @param tag   the tag as the user wrote it
     * @param where what to name in the error: the folder, the file or the option the tag came from
     * @throws InvalidInputException naming {@code where}, what is wrong and how to write it
     */
    public static String check(String tag, String where) {
        Optional<String> problem = problem(tag);
        if (problem.isPresent()) {
            throw new InvalidInputException(where, 0, 0, "", problem.get());
        }
        return tag;
    }

    /** What is wrong with {@code tag} as a language name, or empty if it is fine. */
    public static Optional<String> problem(String tag) {
        if (tag == null || tag.isEmpty()) {
            return Optional.of("a language tag is empty; use a BCP 47 tag such as en, hy, az or sr-Latn");
        }
        if (tag.startsWith(".")) {
            return Optional.of("'" + tag + "' starts with '.', which names a hidden file, not a language; "
                    + "use a BCP 47 tag such as en, hy, az or sr-Latn");
        }
        if (RESERVED.contains(tag.toLowerCase(Locale.ROOT))) {
            return Optional.of("'" + tag + "' is reserved: output/" + tag.toLowerCase(Locale.ROOT)
                    + "/ holds the multi-language packs; use a BCP 47 tag such as en, hy, az or sr-Latn");
        }
        Optional<Locale> locale = parse(tag);
        if (locale.isEmpty()) {
            // en_US is the Java and POSIX spelling; BCP 47 joins subtags with '-'.
            if (tag.contains("_") && parse(tag.replace('_', '-')).isPresent()) {
                return Optional.of("'" + tag + "' is not a BCP 47 tag; write '"
                        + parse(tag.replace('_', '-')).get().toLanguageTag() + "' (with '-', not '_')");
            }
            return Optional.of("'" + tag + "' is not a language tag; use a BCP 47 tag such as en, hy, az or sr-Latn");
        }
        String canonical = locale.get().toLanguageTag();
        if (!canonical.equals(tag)) {
            // One spelling per language, so output/<tag>/, lang="" and --lang always agree.
            return Optional.of("'" + tag + "' is written differently from its BCP 47 form; write '" + canonical + "'");
        }
        return Optional.empty();
    }

    private static Optional<Locale> parse(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            // A tag needs a language of 2 or 3 letters: not only a private use (x-…) part, nor a reserved length.
            int length = locale.getLanguage().length();
            return length == 2 || length == 3 ? Optional.of(locale) : Optional.empty();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}
