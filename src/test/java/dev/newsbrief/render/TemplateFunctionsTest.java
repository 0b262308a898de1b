package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.util.ULocale;
import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Lexicon;
import dev.newsbrief.i18n.Messages;
import dev.newsbrief.i18n.Origin;
import dev.newsbrief.model.Benefit;
import dev.newsbrief.model.Claim;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Money;
import dev.newsbrief.model.PartialDate;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.Quote;
import dev.newsbrief.model.RelativeTime;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The template functions ({@code nb.*}) one by one, over catalogs made of a few inline
 * messages and lexicon entries and the small story of {@code fixture/render/story.yaml}.
 */
class TemplateFunctionsTest {
    private static final EntityRef ARMENIA = EntityRef.of("armenia");
    private static final EntityRef AZERBAIJAN = EntityRef.of("azerbaijan");
    private static final EntityRef GEORGIA = EntityRef.of("georgia");
    private static final EntityRef ALIYEV = EntityRef.of("aliyev");
    private static final LocalDate AUGUST_8 = LocalDate.of(2025, 8, 8);

    /** Loaded per test, not cached in a static: under mutation testing every test must exercise the code as mutated now. */
    private final Story story = new StoryLoader().load(Fixtures.fixture("render/story.yaml"));

    /** Messages every catalog here has: standalone dates worded so that capitalisation shows. */
    private static Map<String, String> dateMessages() {
        return Map.of("date.year", "year {year}", "date.month", "{date, date, ::yMMMM}",
                "date.day", "day {date, date, ::yMMMMd}", "date.full", "on {date, date, full}");
    }

    /** The functions of language {@code tag} over the given messages and lexicon entries only. */
    private TemplateFunctions functions(String tag, Map<String, String> messages, Map<String, Map<String, String>> entries,
                                        List<String> precedence) {
        Map<String, String> all = new LinkedHashMap<>(dateMessages());
        all.putAll(messages);
        Map<String, Origin> origins = new LinkedHashMap<>();
        all.keySet().forEach(key -> origins.put(key, new Origin("inline.yaml", 7, 3)));
        Lexicon lexicon = new Lexicon("inline-lexicon.yaml", List.of(), entries, Map.of(), Map.of(), precedence);
        Catalog catalog = new Catalog(tag, ULocale.forLanguageTag(tag), "inline.yaml", all, origins, lexicon);
        return new TemplateFunctions(tag, new Messages(catalog, catalog.formatter(), story), catalog.formatter());
    }

    private TemplateFunctions english(Map<String, String> messages) {
        return functions("en", messages, Map.of(
                "armenia", Map.of("nom", "Armenia", "gen", "Armenia's", "label", "armenia"),
                "azerbaijan", Map.of("nom", "Azerbaijan", "gen", "Azerbaijan's", "label", "azerbaijan"),
                "georgia", Map.of("nom", "Georgia", "label", "georgia"),
                "aliyev", Map.of("nom", "Ilham Aliyev", "label", "ilham Aliyev")), List.of("azerbaijan"));
    }

    private TemplateFunctions english() {
        return english(Map.of());
    }

    /** Text with ICU's no-break spaces made plain, for readable assertions. */
    private static String plain(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    @Test
    void messagesWithAndWithoutArguments() {
        TemplateFunctions nb = english(Map.of("greeting", "Hello", "welcome", "Welcome to {city}",
                "claim.hosted", "{host} hosted {guests}"));
        assertThat(nb.msg("greeting")).isEqualTo("Hello");
        assertThat(nb.msg("welcome", Map.of("city", "London"))).isEqualTo("Welcome to London");
        assertThat(nb.claim(new Claim("hosted", Map.of("host", GEORGIA, "guests", List.of(ARMENIA, AZERBAIJAN)))))
                .as("a claim is worded by claim.<name>, its entities by name, lists in this language's order")
                .isEqualTo("Georgia hosted Azerbaijan and Armenia");
        assertThatThrownBy(() -> nb.msg("no.such"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline.yaml: no.such: no message for language 'en'; add it (a story's own wording goes in its bundle's en.yaml under 'messages:')");
    }

    @Test
    void namesInAForm() {
        TemplateFunctions nb = english();
        assertThat(nb.name(ARMENIA)).isEqualTo("Armenia");
        assertThat(nb.name(ARMENIA, "gen")).isEqualTo("Armenia's");
    }

    @Test
    void datesNumbersAndUnits() {
        TemplateFunctions nb = functions("ru", Map.of(), Map.of(), List.of());
        assertThat(plain(nb.date(AUGUST_8, "long"))).isEqualTo("8 августа 2025 г.");
        assertThat(plain(nb.dateSkeleton(AUGUST_8, "MMMMd"))).isEqualTo("8 августа");
        assertThat(nb.isoDate(AUGUST_8)).isEqualTo("2025-08-08");
        assertThat(plain(nb.number(1234567))).isEqualTo("1 234 567");
        assertThat(nb.spellout(32)).isEqualTo("тридцать два");
        assertThat(nb.quantity(new Quantity(new BigDecimal("32"), Quantity.Unit.KILOMETER), "long")).isEqualTo("32 километра");
        assertThat(nb.quantity(new Quantity(new BigDecimal("32"), Quantity.Unit.KILOMETER), "short")).isEqualTo("32 км");
        assertThat(nb.relative(new RelativeTime(RelativeTime.Direction.NEXT, RelativeTime.Unit.WEEK))).isEqualTo("на следующей неделе");
        assertThat(nb.plural(3)).isEqualTo("few");
        assertThat(nb.plural(5)).isEqualTo("many");
        assertThat(plain(nb.money(new Money(new BigDecimal("25500000000"), "GBP"), "short"))).isEqualTo("25,5 млрд £");
    }

    @Test
    void listsAndCaseMappingFollowTheLanguage() {
        TemplateFunctions az = functions("az", Map.of(), Map.of(), List.of());
        assertThat(az.list(List.of("Ermənistan", "Azərbaycan", "Gürcüstan"))).isEqualTo("Ermənistan, Azərbaycan və Gürcüstan");
        assertThat(az.upper("vaşinqton")).isEqualTo("VAŞİNQTON");
        assertThat(az.lower("İLHAM")).isEqualTo("ilham");
        assertThat(az.capitalize("istanbul")).isEqualTo("İstanbul");
        assertThat(az.title("ilham əliyev")).isEqualTo("İlham Əliyev");
        assertThat(az.languageName("ru")).isEqualTo("Rus");
        assertThat(english().languageName("hy")).isEqualTo("Armenian");
    }

    /** The stop of a quoted sentence goes where each language puts it: inside the marks in English, outside in Azerbaijani. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "We made peace.     | “We made peace.”      | “We made peace”.",
        "Wait…              | “Wait…”               | “Wait”…",
        "Really...          | “Really...”           | “Really”...",
        "Խաղաղություն։      | “Խաղաղություն։”       | “Խաղաղություն”։",
        "Is it over?        | “Is it over?”         | “Is it over?”",
        "Peace              | “Peace”               | “Peace”",
        "…                  | “…”                   | “”…"})
    void quotesSetTheFullStopInsideOrOutsideTheMarks(String text, String english, String azerbaijani) {
        assertThat(english(Map.of("quote.inline", "“{text}{end}”")).quote(text)).isEqualTo(english);
        assertThat(functions("az", Map.of("quote.inline", "“{text}”{end}"), Map.of(), List.of()).quote(text)).isEqualTo(azerbaijani);
    }

    @Test
    void aParaphraseDropsTheClausesOwnStop() {
        TemplateFunctions nb = english(Map.of("quote.paraphrase", "{speaker_label} said {text}."));
        Quote quote = story.quotes().get(0);
        assertThat(nb.paraphrase(quote, "the deal would open trade routes.")).isEqualTo("ilham Aliyev said the deal would open trade routes.");
        assertThat(nb.paraphrase(quote, "the deal would open trade routes")).isEqualTo("ilham Aliyev said the deal would open trade routes.");
    }

    @Test
    void aQuotesTranslationOnlyForAnotherLanguageThatHasOne() {
        Quote quote = story.quotes().get(0);
        assertThat(functions("ru", Map.of(), Map.of(), List.of()).translation(quote)).isEqualTo("Мы заключили мир.");
        assertThat(english().translation(quote)).as("said in English").isNull();
        assertThat(functions("az", Map.of(), Map.of(), List.of()).translation(quote)).as("not translated into az").isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Page {page} of {pages}       | \"Page \" counter(page) \" of \" counter(pages)",
        "{page}/{pages}               | counter(page) \"/\" counter(pages)",
        "Страница {page} из {pages}   | \"Страница \" counter(page) \" из \" counter(pages)",
        "{pages} pages, this is {page} | counter(pages) \" pages, this is \" counter(page)",
        "Confidential                 | \"Confidential\""})
    void pageCountersBecomeCssCounters(String message, String css) {
        assertThat(english(Map.of("footer", message.strip())).cssPageCounter("footer")).isEqualTo(css);
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscapedInTheCssString() {
        TemplateFunctions nb = english(Map.of("footer", "Say \"hi\" \\ {page}\tnow\u001F"));
        assertThat(nb.cssPageCounter("footer")).isEqualTo("\"Say \\22 hi\\22  \\5c  \" counter(page) \"\\9 now\\1f \"");
    }

    @Test
    void entitiesInThisLanguagesOrderOrSortedByItsCollation() {
        TemplateFunctions nb = english();
        assertThat(nb.ordered(List.of(ARMENIA, GEORGIA, AZERBAIJAN))).containsExactly(AZERBAIJAN, ARMENIA, GEORGIA);
        Benefit armenia = new Benefit(ARMENIA, List.of(new Claim("gain", Map.of())));
        Benefit azerbaijan = new Benefit(AZERBAIJAN, List.of(new Claim("gain", Map.of())));
        assertThat(nb.benefitsInOrder(List.of(armenia, azerbaijan))).containsExactly(azerbaijan, armenia);

        TemplateFunctions az = functions("az", Map.of(), Map.of(
                "armenia", Map.of("nom", "Ermənistan"), "azerbaijan", Map.of("nom", "Azərbaycan"),
                "georgia", Map.of("nom", "Gürcüstan"), "aliyev", Map.of("nom", "Əliyev")), List.of());
        assertThat(az.sortByName(List.of(GEORGIA, ALIYEV, ARMENIA, AZERBAIJAN), "nom"))
                .as("az collation: e, ə, g")
                .containsExactly(AZERBAIJAN, ARMENIA, ALIYEV, GEORGIA);
    }

    @Test
    void deadlinesAreTheDistinctDaysTermsFallDueEarliestFirst() {
        assertThat(english().deadlines(story)).containsExactly(
                LocalDate.of(2025, 8, 10), LocalDate.of(2025, 8, 15), LocalDate.of(2025, 9, 7));
    }

    @Test
    void datesStandingAlone() {
        TemplateFunctions nb = english();
        assertThat(nb.partialDate(PartialDate.ofYear(2020))).isEqualTo("year 2020");
        assertThat(nb.partialDate(PartialDate.parse("2025-01"))).isEqualTo("January 2025");
        assertThat(nb.day(AUGUST_8)).isEqualTo("day August 8, 2025");
        assertThat(nb.fullDate(AUGUST_8)).as("capitalised as a table cell").isEqualTo("On Friday, August 8, 2025");
    }

    @Test
    void keyFactValuesEachByTheirNaturalFormatCapitalisedAsACell() {
        TemplateFunctions nb = english();
        assertThat(nb.value(ALIYEV)).isEqualTo("Ilham Aliyev");
        assertThat(nb.value(List.of(ARMENIA, GEORGIA, AZERBAIJAN))).as("labels, this language's order first")
                .isEqualTo("Azerbaijan, armenia, and georgia");
        assertThat(nb.value(List.of(new Quantity(new BigDecimal("32"), Quantity.Unit.KILOMETER), PartialDate.ofYear(2020))))
                .isEqualTo("32 kilometers and Year 2020");
        assertThat(nb.value(new Quantity(new BigDecimal("99"), Quantity.Unit.YEAR))).isEqualTo("99 years");
        assertThat(nb.value(new Money(new BigDecimal("25500000000"), "GBP"))).isEqualTo("25.5 billion British pounds");
        assertThat(nb.value(PartialDate.ofYear(2020))).isEqualTo("Year 2020");
        assertThat(nb.value(AUGUST_8)).isEqualTo("Day August 8, 2025");
        assertThat(nb.value(new RelativeTime(RelativeTime.Direction.NEXT, RelativeTime.Unit.WEEK))).isEqualTo("Next week");
        assertThat(nb.value(1234567)).isEqualTo("1,234,567");
        assertThat(nb.value(new BigDecimal("2.5"))).isEqualTo("2.5");
    }

    @Test
    void aValueOfAnotherTypeIsAnError() {
        TemplateFunctions nb = english();
        assertThatThrownBy(() -> nb.value("text")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot show a String as a key fact");
        assertThatThrownBy(() -> nb.value(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot show a missing value as a key fact");
    }

    @Test
    void jsonCanNeverCloseItsScriptElement() throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("headline", "</script><script>alert('x') && 1</script>");
        value.put("count", 3);
        value.put("mentions", List.of(Map.of("name", "Əliyev")));
        String json = english().json(value);
        assertThat(json).isEqualTo("{\"headline\":\"\\u003C/script\\u003E\\u003Cscript\\u003Ealert('x') \\u0026\\u0026 1\\u003C/script\\u003E\","
                + "\"count\":3,\"mentions\":[{\"name\":\"Əliyev\"}]}");
        assertThat(new ObjectMapper().readTree(json).path("headline").asText()).isEqualTo(value.get("headline"));
    }
}
