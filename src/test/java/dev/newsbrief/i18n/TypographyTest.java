package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import dev.newsbrief.Fixtures;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The line-breaking rules of translations/<tag>/typography.yaml: what they join, and how a bad file is reported. */
class TypographyTest {
    private static final String NBSP = "\u00A0";
    private final Translations translations = new Translations(new ResourceSet("translations", null));

    private static Typography parse(String tag, String yaml) {
        return Typography.parse(tag, "typography.yaml", yaml, ULocale.forLanguageTag(tag), Limits.DEFAULT);
    }

    /** The embedded rules of each language join what its press keeps on one line, and nothing else. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ru | Армения и Азербайджан подписали в Белом доме | Армения и\u00A0Азербайджан подписали в\u00A0Белом доме",
        "ru | В 2025 г. И снова | В\u00A02025\u00A0г. И\u00A0снова",
        "ru | Армения — Азербайджан | Армения\u00A0— Азербайджан",
        "ru | 8 августа, 32 км, Д. Трамп | 8\u00A0августа, 32\u00A0км, Д.\u00A0Трамп",
        "ru | премьер-министр, слова вид | премьер-министр, слова вид",
        "hy | ԱՄՆ-ի և 8-ին, հայ-ադրբեջանական | ԱՄՆ\u2011ի և 8\u2011ին, հայ-ադրբեջանական",
        "hy | 2025 թ. օգոստոսի 8 | 2025\u00A0թ. օգոստոսի\u00A08",
        "az | 2023-cü ildə 99 il, Bakı — İrəvan | 2023\u2011cü ildə 99\u00A0il, Bakı\u00A0— İrəvan",
        "en | Mr. Aliyev and J. D. Vance, 32 km | Mr.\u00A0Aliyev and J.\u00A0D.\u00A0Vance, 32\u00A0km",
        "en | a word I said | a word I said"})
    void embeddedRulesJoinWhatThePressKeepsTogether(String tag, String text, String expected) {
        assertThat(translations.typography(tag).apply(text)).isEqualTo(expected);
    }

    /** A one-letter word is joined only when it stands alone: not the last letter of a word, nor an initial. */
    @Test
    void oneLetterWordsStandAlone() {
        Typography ru = translations.typography("ru");
        assertThat(ru.apply("дров в печь")).isEqualTo("дров в" + NBSP + "печь");
        assertThat(ru.apply("из-в ерунда")).as("after a hyphen it is part of a word").isEqualTo("из-в ерунда");
        assertThat(ru.apply("в\n    доме")).as("a line break of the template is whitespace too").isEqualTo("в" + NBSP + "доме");
        assertThat(ru.apply("и в")).as("nothing follows: no space to keep").isEqualTo("и" + NBSP + "в");
    }

    /** The capitalised form of a lower-case word is the language's own: Azerbaijani i → İ, not I. */
    @Test
    void capitalisedFormFollowsTheLanguage() {
        Typography az = parse("az", "rules:\n  - keep-with-next: [i]\n");
        assertThat(az.apply("İ söz")).isEqualTo("İ" + NBSP + "söz");
        assertThat(az.apply("I söz")).isEqualTo("I söz");
    }

    /** A language without typography.yaml, and a tag with no translations, have no rules. */
    @Test
    void noFileNoRules() {
        assertThat(translations.typography("fr").isEmpty()).isTrue();
        assertThat(translations.typography("").isEmpty()).isTrue();
        assertThat(translations.typography("ru-RU").apply("и дом")).as("by primary subtag").isEqualTo("и" + NBSP + "дом");
        assertThat(translations.typography("RU").isEmpty()).as("tags match without regard to case").isFalse();
    }

    /** An override file replaces the embedded rules whole; an empty list turns them off. */
    @Test
    void overrideReplacesTheEmbeddedRules() {
        Translations overridden = new Translations(new ResourceSet("translations", Fixtures.fixture("typography/override")));
        assertThat(overridden.typography("ru").apply("и дом — крыша")).isEqualTo("и дом" + NBSP + "— крыша");
        assertThat(overridden.typography("en").isEmpty()).isTrue();
        assertThat(overridden.typography("hy").apply("ԱՄՆ-ի")).as("untouched languages keep theirs").isEqualTo("ԱՄՆ\u2011ի");
    }

    /** The catalogue carries the rules of its own language and, for lang attributes, of the others. */
    @Test
    void catalogExposesTheRules() {
        Catalog ru = translations.catalog("ru");
        assertThat(ru.typography().apply("и дом")).isEqualTo("и" + NBSP + "дом");
        assertThat(ru.typography("hy").apply("ԱՄՆ-ի")).isEqualTo("ԱՄՆ\u2011ի");
        assertThat(ru.typography("en").apply("и дом")).isEqualTo("и дом");
    }

    /** A bad file stops loading the catalogue, with file:line:col. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bad-key   | ru/typography.yaml:3:5: rules[1].keep-after: unknown key; a rule has keep-with-next, keep-with-previous, or pattern with replace",
        "bad-regex | ru/typography.yaml:2:14: rules[0].pattern: not a valid regular expression: Unclosed group near index 7"})
    void badFileIsReportedWhereItIs(String fixture, String message) {
        Translations bad = new Translations(new ResourceSet("translations", Fixtures.fixture("typography/" + fixture)));
        assertThatThrownBy(() -> bad.catalog("ru")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    /** Each mistake in a rule gets its own message at its own position. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'fonts: []'                                             | 1:1: fonts: unknown key; a typography file has only 'rules'",
        "'rules: {a: b}'                                         | 1:8: rules: expected a list of rules",
        "'rules:\n  - pattern: x'                                | 2:5: rules[0]: 'pattern' and 'replace' go together",
        "'rules:\n  - {pattern: ''(a)'', replace: ''$2''}'       | 2:31: rules[0].replace: refers to group $2, but the pattern has 1 group",
        "'rules:\n  - {pattern: ''(a)'', replace: ''${x}''}'     | 2:31: rules[0].replace: refers to the group '${x}', which the pattern does not name",
        "'rules:\n  - {pattern: ''a'', replace: ''<b>''}'        | 2:29: rules[0].replace: rules change text, not markup",
        "'rules:\n  - {pattern: ''a*'', replace: ''b''}'         | 2:15: rules[0].pattern: matches empty text",
        "'rules:\n  - {keep-with-next: [a], pattern: b, replace: c}' | 2:5: rules[0]: a rule is exactly one of",
        "'rules:\n  - keep-with-next: [\"a b\"]'                 | 2:22: rules[0].keep-with-next: 'a b' is not a word",
        "'rules:\n  - keep-with-previous: []'                    | 2:25: rules[0].keep-with-previous: expected a list of words"})
    void badRulesAreReportedWhereTheyAre(String yaml, String message) {
        assertThatThrownBy(() -> parse("ru", yaml)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("typography.yaml:" + message);
    }

    /** A rule stops when its thread is interrupted (the render deadline), even in the middle of a long text. */
    @Test
    void interruptedRuleStops() {
        Typography slow = parse("en", "rules:\n  - {pattern: 'b', replace: 'c'}\n");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> slow.apply("a".repeat(10_000)))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
