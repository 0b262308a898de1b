package dev.newsbrief.testing;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Scalars and text that hostile or unlucky input contains: controls, bidi, astral, huge numbers, odd dates. */
public final class Values {
    private Values() { }

    /** Single code points that break naive text handling. */
    static final List<String> ODD_CHARACTERS = List.of(
            "\u0000", "\u0007", "\u001b[31m", "\r", "\n", "\t", "\u007f", "\u0085", "\u00ad",
            "\u200b", "\u200d", "\u202e", "\u2066", "\u2069", "\u200f", "\u2028", "\u2029", "\ufeff",
            "\ud83d\ude00", "\ud801\udc00", "\ud800", "\udfff", "\ufffd", "\uffff",
            "ə", "İ", "ı", "Ա", "ё", "ﬃ", "e\u0301", "'", "''", "\"", "{", "}", "#", "<b>", "&amp;", "</p>", "${x}",
            "<#list 1..9 as i>", "*", "&", "!", "%", "@", "`", "|", ">", "- ", ": ", " #");

    /** Text of any sort, usually short: letters, scripts, controls, markup and template syntax. */
    public static Arbitrary<String> text() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyz ABC-.,'").ofMaxLength(12);
        Arbitrary<String> scripts = Arbitraries.strings()
                .withCharRange('a', 'z').withCharRange('\u0531', '\u0556').withCharRange('\u0430', '\u044f')
                .withChars("əİığş").ofMaxLength(10);
        Arbitrary<String> odd = Arbitraries.of(ODD_CHARACTERS).list().ofMaxSize(4).map(parts -> String.join("", parts));
        Arbitrary<String> mixed = Arbitraries.oneOf(plain, scripts, odd).list().ofMinSize(1).ofMaxSize(4)
                .map(parts -> String.join("", parts));
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(8);
        Arbitrary<String> long_ = Arbitraries.strings().withChars("ab ").ofMinLength(200).ofMaxLength(3000);
        return Arbitraries.frequencyOf(Tuple.of(4, plain), Tuple.of(3, mixed), Tuple.of(2, any), Tuple.of(1, long_));
    }

    /** A lower-case slug, the shape of ids, sometimes not quite. */
    public static Arbitrary<String> slug() {
        Arbitrary<String> good = Arbitraries.strings().withCharRange('a', 'z').withChars("0123456789-")
                .ofMinLength(1).ofMaxLength(10).filter(s -> Character.isLetter(s.charAt(0)));
        return Arbitraries.frequencyOf(Tuple.of(8, good), Tuple.of(1, text()),
                Tuple.of(1, Arbitraries.of("A", "x_y", "-a", "", " a", "a".repeat(90), "ə", "con", "..", "a/b")));
    }

    /** Numbers of every size and shape YAML can write. */
    public static Arbitrary<Object> number() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 100).map(i -> (Object) i),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(20).negate(), BigInteger.TEN.pow(60)).map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of("1e400", "-0", "0.000000000000000000001", ".nan", ".inf", "-.inf", "0x1F", "0o17", "1_000",
                        "12345678901234567890123456789012345678901234567890e99999").map(s -> (Object) new YamlWriter.Raw(s)));
    }

    /** A real day between 1900 and 2100, as YAML text. */
    public static Arbitrary<Object> realDate() {
        return Arbitraries.integers().between(1900, 2100).flatMap(y -> Arbitraries.integers().between(1, 12)
                .flatMap(m -> Arbitraries.integers().between(1, java.time.YearMonth.of(y, m).lengthOfMonth())
                        .map(d -> (Object) new YamlWriter.Raw(String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", y, m, d)))));
    }

    /** A date as YAML text: usually a real day, sometimes odd or impossible. */
    public static Arbitrary<Object> date() {
        Arbitrary<Object> real = realDate();
        Arbitrary<Object> odd = Arbitraries.of("2025-02-29", "2024-02-29", "2025-13-01", "2025-00-10", "0000-01-01", "0001-01-01",
                "9999-12-31", "-5000-01-01", "+10000-01-01", "2025", "2025-08", "20250808", "2025-8-8", "2025-08-08T10:00:00Z",
                "1582-10-10", "999999999-12-31", "2025-08-08 ").map(s -> (Object) new YamlWriter.Raw(s));
        return Arbitraries.frequencyOf(Tuple.of(6, real), Tuple.of(2, odd), Tuple.of(1, scalar()));
    }

    /** Any scalar at all: text, numbers, booleans, null. */
    public static Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(text().map(s -> (Object) s), number(),
                Arbitraries.of("true", "no", "~", "null", "!!binary AAAA", "!!java.io.File x", "&a x", "*a", "|", ">-", "'", "\"",
                        "[", "{", "@x", "`x", "? x", "%YAML 1.2").map(s -> (Object) new YamlWriter.Raw(s)));
    }
}
