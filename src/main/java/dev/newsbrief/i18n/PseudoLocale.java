package dev.newsbrief.i18n;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The pseudo-locale {@code en-XA} (the CLDR and Android convention): English with every
 * letter of its literal text accented, each message made about a third longer with padding
 * words and bracketed, so text that does not come from the translations (a hard-coded
 * string) is the only plain ASCII left on the page, and text that overflows or is cut
 * short shows at a glance. Only literal text changes: argument names, formats, plural and
 * select keywords, {@code #} and apostrophe quoting are walked with ICU's
 * {@link MessagePattern} and copied as they are. Lexicon forms are accented, not padded
 * (a name is part of a sentence). Stateless.
 */
public final class PseudoLocale {
    /** The pseudo-locale's tag; {@code newsbrief build -l en-XA} renders in it. */
    public static final String TAG = "en-XA";
    /** The language it is made from. */
    public static final String SOURCE = "en";

    /** Unaccented ASCII letter → an accented one that reads the same (the set Android's pseudo-localizer uses). */
    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ACCENTED = "áƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
    /** Padding, already accented; a word at a time until the message is long enough. */
    private static final String[] PADDING = {"öñé", "ţŵö", "ţĥŕéé", "ƒöûŕ", "ƒîṽé", "šîẋ", "šéṽéñ", "éîĝĥţ", "ñîñé", "ţéñ"};
    /** How much longer each message gets: 35 %, in the middle of the 30–40 % a translation usually needs. */
    private static final int GROWTH_PERCENT = 35;

    private PseudoLocale() {
    }

    /** Whether {@code tag} names the pseudo-locale (case-insensitive, as BCP 47 tags are). */
    public static boolean is(String tag) {
        return TAG.equalsIgnoreCase(tag);
    }

    /**
     * The pseudo catalog made from {@code source} (the en catalog, with a story's wording merged
     * over it when one is being rendered): every message and lexicon form pseudo-localized, the
     * line-breaking rules of {@code source}'s languages kept.
     */
    public static Catalog catalog(Catalog source) {
        Objects.requireNonNull(source, "The parameter 'source' must not be null");
        Map<String, String> messages = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(source.messages().keySet())) {
            messages.put(key, message(source.messages().get(key)));
            origins.put(key, source.origin(key));
        }
        Lexicon lexicon = source.lexicon();
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        lexicon.entries().forEach((id, forms) -> {
            Map<String, String> accentedForms = new LinkedHashMap<>();
            forms.forEach((form, text) -> accentedForms.put(form, accent(text)));
            entries.put(id, accentedForms);
        });
        Map<String, String> compositions = new LinkedHashMap<>();
        lexicon.compositions().forEach((form, pattern) -> compositions.put(form, transform(pattern, false)));
        Lexicon pseudoLexicon = new Lexicon(lexicon.file(), lexicon.required(), entries, lexicon.origins(), compositions,
                lexicon.precedence());
        return new Catalog(TAG, ULocale.forLanguageTag(TAG), source.messagesFile(), messages, origins, pseudoLexicon)
                .withTypography(source::typography);
    }

    /** One message pseudo-localized: literal text accented, padded by about a third, bracketed. */
    public static String message(String pattern) {
        return transform(pattern, true);
    }

    /** Accents every unaccented ASCII letter of plain text (no ICU syntax). */
    public static String accent(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = PLAIN.indexOf(c);
            out.append(at < 0 ? c : ACCENTED.charAt(at));
        }
        return out.toString();
    }

    /**
     * Rewrites the literal text of {@code pattern}: the stretches between the parts ICU found
     * that lie directly in a message (its top level or a plural/select branch), not inside an
     * argument. Everything else is copied character for character.
     */
    private static String transform(String pattern, boolean padAndBracket) {
        if (pattern.isEmpty()) {
            // An empty message (e.g. "no words" lists) means "nothing": keep it so.
            return pattern;
        }
        MessagePattern parsed = new MessagePattern(pattern);
        StringBuilder out = new StringBuilder(pattern.length() * 2);
        // Per open message or argument: the letters of literal text seen so far in it, or -1 inside an argument.
        Deque<int[]> open = new ArrayDeque<>();
        int copied = 0;
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            int start = part.getIndex();
            if (start > copied) {
                String between = pattern.substring(copied, start);
                int[] current = open.peek();
                if (current != null && current[0] >= 0) {
                    current[0] += countLetters(between);
                    out.append(accent(between));
                } else {
                    out.append(between);
                }
            }
            switch (part.getType()) {
                case MSG_START -> open.push(new int[] {0});
                case ARG_START -> open.push(new int[] {-1});
                case MSG_LIMIT -> {
                    // Each branch grows by a share of its own text, so whichever is chosen is as much longer.
                    int letters = open.pop()[0];
                    if (padAndBracket) {
                        out.append(padding(letters));
                    }
                }
                case ARG_LIMIT -> open.pop();
                default -> { }
            }
            out.append(pattern, start, part.getLimit());
            copied = Math.max(copied, part.getLimit());
        }
        if (copied < pattern.length()) {
            out.append(pattern.substring(copied));
        }
        return padAndBracket ? "[" + out + "]" : out.toString();
    }

    /** Padding words worth {@value #GROWTH_PERCENT} % of {@code letters} letters, with a leading space; none for no text. */
    private static String padding(int letters) {
        int wanted = (letters * GROWTH_PERCENT + 99) / 100;
        StringBuilder pad = new StringBuilder();
        int word = 0;
        while (pad.length() < wanted) {
            // A space plus the word both count: a reader sees them as length.
            pad.append(' ').append(PADDING[word % PADDING.length]);
            word++;
        }
        return pad.toString();
    }

    private static int countLetters(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
