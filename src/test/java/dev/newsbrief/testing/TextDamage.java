package dev.newsbrief.testing;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Damage to a file's text after it was written: cut short, a snippet inserted at a point
 * (a tab, a stray quote, raw control characters, an alias bomb, a duplicate key...), or
 * nothing. {@code at} is a fraction of the length, so it applies to any text.
 */
public record TextDamage(Kind kind, double at, String snippet) {
    public enum Kind { NONE, TRUNCATE, INSERT, PREPEND, APPEND }

    public static final TextDamage NONE = new TextDamage(Kind.NONE, 0, "");

    /** Billions of laughs in a few lines: each alias repeats the one before nine times. */
    static final String ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            + "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            + "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n";

    static final List<String> SNIPPETS = List.of("\t", "\"", "'", ":", "- ", "\n  x: 1\n", "\u0000", "\u0007", "\u001b", "\ufeff",
            "\u2028", "\ud800", "# comment\n", "id: again\n", "&anchor ", "*nowhere ", "%TAG ! tag:x,2000:\n", "---\n", "...\n",
            "? complex\n", "!!python/object:os.system ", "{", "]", "\r", "\r\n", "\u0085");

    public static Arbitrary<TextDamage> arbitrary() {
        Arbitrary<TextDamage> damage = Combinators.combine(
                Arbitraries.of(Kind.TRUNCATE, Kind.INSERT, Kind.PREPEND, Kind.APPEND),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.oneOf(Arbitraries.of(SNIPPETS), Arbitraries.of(ALIAS_BOMB, "x: &x [*x]\n", "id: x\n".repeat(3)),
                        Values.text()))
                .as(TextDamage::new);
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(NONE)), Tuple.of(4, damage));
    }

    public String apply(String text) {
        int point = (int) Math.min(text.length(), Math.max(0, Math.round(at * text.length())));
        // Never split a surrogate pair by accident; a lone surrogate comes only from a snippet.
        if (point > 0 && point < text.length() && Character.isLowSurrogate(text.charAt(point))) {
            point--;
        }
        return switch (kind) {
            case NONE -> text;
            case TRUNCATE -> text.substring(0, point);
            case INSERT -> text.substring(0, point) + snippet + text.substring(point);
            case PREPEND -> snippet + text;
            case APPEND -> text + snippet;
        };
    }
}
