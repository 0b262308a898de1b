package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ULocale;
import dev.newsbrief.build.Builder;
import dev.newsbrief.model.Entity;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Money;
import dev.newsbrief.model.PartialDate;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.RelativeTime;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MessagesTest {
    /** Built per test, not cached in a static: under mutation testing every test must exercise the code as mutated now. */
    private final Translations translations = new Translations(new ResourceSet("translations", null));
    private final StorySource source = Builder.embeddedDefaultSource(new StoryLoader(), translations.tags());
    private final Story story = source.story();

    /** The default story's catalog of {@code tag}: shared translations with the story's own wording over them. */
    private Messages messages(String tag) {
        Catalog catalog = translations.catalog(tag, source);
        return new Messages(catalog, catalog.formatter(), story);
    }

    /** A catalog made of the given messages and lexicon entries only, for one mechanism at a time. */
    private Messages inline(String tag, Map<String, String> messages, Map<String, Map<String, String>> entries, List<String> precedence) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("date.year", "{year}", "date.month", "{date, date, ::yLLLL}",
                "date.day", "{date, date, long}", "date.full", "{date, date, full}"));
        all.putAll(messages);
        messages = all;
        Map<String, Origin> origins = new LinkedHashMap<>();
        messages.keySet().forEach(key -> origins.put(key, new Origin("inline.yaml", 7, 3)));
        Lexicon lexicon = new Lexicon("inline-lexicon.yaml", List.of(), entries, Map.of(), Map.of(), precedence);
        Catalog catalog = new Catalog(tag, ULocale.forLanguageTag(tag), "inline.yaml", messages, origins, lexicon);
        return new Messages(catalog, catalog.formatter(), story);
    }

    @Test
    void formsComeFromTheLexiconAndCompositions() {
        assertThat(messages("en").name(EntityRef.of("aliyev"), "titled")).isEqualTo("Azerbaijani President Ilham Aliyev");
        assertThat(messages("en").name(EntityRef.of("pashinyan"), "role")).isEqualTo("Prime Minister of Armenia");
    }

    @Test
    void storyWordingIsMergedOverTheSharedMessages() {
        Messages en = messages("en");
        assertThat(en.format("event.signing", story.event()))
                .isEqualTo("Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan signed a peace agreement"
                        + " at the White House in Washington on Friday, August 8, hosted by US President Donald Trump.");
        assertThat(en.format("claim.normalisation-with", story.allClaims().get("benefits[0].claims[0]").args()))
                .isEqualTo("full diplomatic normalization with Azerbaijan and the United States");
        assertThat(translations.catalog("en").pattern("claim.handshake")).as("the shared catalog has no story wording").isEmpty();
    }

    /** The talks claim with 1, 2, 21 and 100 firms: numeral and noun agree. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 | at least one interested firm ",
        "2 | at least two interested firms",
        "21 | at least twenty-one interested firms",
        "100 | at least one hundred interested firms"})
    void pluralsInMessages(int firms, String expected) {
        Map<String, Object> args = new LinkedHashMap<>(story.allClaims().get("sections[1].paragraphs[2][0]").args());
        args.put("firms", firms);
        assertThat(messages("en").format("claim.route-talks", args)).contains(expected);
    }

    @Test
    void precedenceLeadsEveryListOfEntities() {
        Messages az = inline("az", Map.of("m", "{parties} / {parties_first} / {parties_count}"),
                Map.of("armenia", Map.of("nom", "Ermənistan"), "azerbaijan", Map.of("nom", "Azərbaycan")), List.of("azerbaijan"));
        assertThat(az.format("m", Map.of("parties", List.of(EntityRef.of("armenia"), EntityRef.of("azerbaijan")))))
                .isEqualTo("Azərbaycan və Ermənistan / Azərbaycan / 2");
        Messages en = inline("en", Map.of("m", "{parties}"),
                Map.of("armenia", Map.of("nom", "Armenia"), "azerbaijan", Map.of("nom", "Azerbaijan")), List.of());
        assertThat(en.format("m", Map.of("parties", List.of(EntityRef.of("armenia"), EntityRef.of("azerbaijan")))))
                .as("without precedence the story's order stands").isEqualTo("Armenia and Azerbaijan");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | 2020       | in 2020",
        "en | 2025-01    | in January 2025",
        "en | 2025-08-08 | on August 8, 2025",
        "ru | 2025-01    | январь 2025 г."})
    void datesOfEachPrecisionInRunningText(String tag, String date, String expected) {
        Messages messages = inline(tag, Map.of(
                "m", tag.equals("en") ? "{when_in}" : "{when}",
                "when.year", "in {year}", "when.month", "in {date, date, ::yMMMM}", "when.day", "on {date, date, ::yMMMMd}"), Map.of(), List.of());
        assertThat(messages.format("m", Map.of("when", PartialDate.parse(date))).replace('\u00A0', ' ').replace('\u202F', ' ')).isEqualTo(expected);
    }

    @Test
    void yearsAreDigitsWithoutGroupingAndTheirValueFeedsOrdinals() {
        Messages az = inline("az", Map.of("m", "{year_year}|{year_value, selectordinal, one {one} few {few} other {other}}"), Map.of(), List.of());
        assertThat(az.format("m", Map.of("year", PartialDate.ofYear(2023)))).as("CLDR az: 2023 is 'few'").isEqualTo("2023|few");
        assertThat(az.format("m", Map.of("year", PartialDate.ofYear(2020)))).isEqualTo("2020|one");
    }

    @Test
    void moneyByIcu() {
        Messages en = inline("en", Map.of("m", "{m} | {m_short} | {m_currency}"), Map.of(), List.of());
        assertThat(en.format("m", Map.of("m", new Money(new BigDecimal("25500000000"), "GBP"))))
                .isEqualTo("25.5 billion British pounds | £25.5B | GBP");
    }

    @Test
    void quantityFacets() {
        Messages en = inline("en", Map.of("m", "{q} | {q_short} | {q_value} | {q_unit} | {q_words}"), Map.of(), List.of());
        assertThat(en.format("m", Map.of("q", new Quantity(new BigDecimal("32"), Quantity.Unit.KILOMETER))))
                .isEqualTo("32 kilometers | 32 km | 32 | kilometer | thirty-two kilometers");
    }

    @Test
    void anArgumentNotGivenIsFineInABranchNotChosen() {
        Messages en = inline("en", Map.of("m", "{kind, select, signing {at {venue}} other {on {date}}}"), Map.of(), List.of());
        Map<String, Object> ceasefire = new LinkedHashMap<>();
        ceasefire.put("kind", "ceasefire");
        ceasefire.put("venue", null);
        ceasefire.put("date", PartialDate.ofYear(2024));
        assertThat(en.format("m", ceasefire)).isEqualTo("on 2024");
        ceasefire.put("kind", "signing");
        assertThatThrownBy(() -> en.format("m", ceasefire))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline.yaml:7:3: m: argument {venue} is not given in the story; give it there, or word the message without it");
    }

    @Test
    void missingFormNamesTheLexiconEntryAndTheLanguage() {
        assertThatThrownBy(() -> messages("en").name(EntityRef.of("armenia"), "vocative"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("(embedded) translations/en/lexicon.yaml:")
                .hasMessageContaining("entries.armenia: no form 'vocative' in language 'en'; add it (forms here: adj, gen, label, nom, people)");
        assertThatThrownBy(() -> messages("en").name(EntityRef.of("trump"), "vocative"))
                .as("a story's own entity points at the story's bundle")
                .hasMessageStartingWith("(embedded) stories/armenia-azerbaijan-peace-2025/en.yaml:");
    }

    @Test
    void missingMessageSaysWhereToAddIt() {
        assertThatThrownBy(() -> messages("en").format("claim.no-such-claim", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("claim.no-such-claim: no message for language 'en'; add it (a story's own wording goes in its bundle's en.yaml");
    }

    @Test
    void unknownArgumentNamesTheMessageAndWhatIsAvailable() {
        assertThatThrownBy(() -> messages("en").format("fact.venueValue", List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fact.venueValue");
        assertThatThrownBy(() -> messages("en").format("fact.venueValue", story.sources().get(0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("(embedded) translations/en/messages.yaml:")
                .hasMessageContaining("argument {city}: no field 'city' in Source; available: [outlet, title, language, date, url]");
    }

    /** Like {@link #inline}, with compositions in the lexicon. */
    private Messages composing(String tag, Map<String, Map<String, String>> entries, Map<String, String> compositions) {
        Lexicon lexicon = new Lexicon("inline-lexicon.yaml", List.of(), entries, Map.of(), compositions, List.of());
        Catalog catalog = new Catalog(tag, ULocale.forLanguageTag(tag), "inline.yaml", Map.of(), Map.of(), lexicon);
        return new Messages(catalog, catalog.formatter(), story);
    }

    @Test
    void theMessagesKeepTheirCatalog() {
        Catalog catalog = translations.catalog("hy", source);
        assertThat(new Messages(catalog, catalog.formatter(), story).catalog().tag()).isEqualTo("hy");
    }

    @Test
    void compositionsTakeTheCaseAskedFor() {
        assertThat(messages("ru").name(EntityRef.of("aliyev"), "titled_gen")).isEqualTo("президента Азербайджана Ильхама Алиева");
        assertThat(messages("ru").name(EntityRef.of("pashinyan"), "titled_ins")).isEqualTo("премьер-министром Армении Николом Пашиняном");
        assertThat(messages("az").name(EntityRef.of("aliyev"), "titled_gen")).isEqualTo("Azərbaycan Prezidenti İlham Əliyevin");
    }

    /** A country hosting has no office: its composition is the country itself, in the form the composition asks of {self}. */
    @Test
    void aCompositionOfAnEntityWithoutOfficeIsTheEntityInTheSameForm() {
        assertThat(messages("ru").name(EntityRef.of("armenia"), "titled_gen")).isEqualTo("Армении");
        assertThat(messages("ru").name(EntityRef.of("armenia"), "titled_ins")).isEqualTo("Арменией");
        assertThat(messages("ru").name(EntityRef.of("armenia"), "role")).as("no {self} in the composition: nominative").isEqualTo("Армения");
        assertThat(messages("en").name(EntityRef.of("armenia"), "titled")).isEqualTo("Armenia");
        Messages en = composing("en", Map.of("armenia", Map.of("nom", "Armenia"), "aliyev", Map.of("nom", "Ilham Aliyev"),
                "president", Map.of("nom", "President")), Map.of("styled", "{office_nom} {self_nom}"));
        assertThat(en.name(EntityRef.of("aliyev"), "styled")).isEqualTo("President Ilham Aliyev");
        assertThat(en.name(EntityRef.of("armenia"), "styled")).isEqualTo("Armenia");
    }

    @Test
    void compositionArgumentsWithoutAFormAreNominative() {
        Messages en = composing("en", Map.of("aliyev", Map.of("nom", "Ilham Aliyev"), "azerbaijan", Map.of("nom", "Azerbaijan")),
                Map.of("plain", "{self} ({of})"));
        assertThat(en.name(EntityRef.of("aliyev"), "plain")).isEqualTo("Ilham Aliyev (Azerbaijan)");
    }

    @Test
    void aCompositionMayOnlyUseSelfOfficeAndOf() {
        Messages en = composing("en", Map.of("aliyev", Map.of("nom", "Ilham Aliyev")), Map.of("hosted", "{self} hosted by {host_nom}"));
        assertThatThrownBy(() -> en.name(EntityRef.of("aliyev"), "hosted"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline-lexicon.yaml: compose: a composition may use {self_…}, {office_…} and {of_…}, not {host_nom}");
    }

    /** Compositions may build on compositions, four deep; deeper (a composition that uses itself, say) is a missing form. */
    @Test
    void compositionsNestFourDeepAtMost() {
        Map<String, Map<String, String>> entries = Map.of("armenia", Map.of("nom", "Armenia", "gen", "Armenia’s"));
        Messages four = composing("en", entries, Map.of("c1", "{self_c2_CASE}", "c2", "{self_c3_CASE}", "c3", "{self_c4_CASE}", "c4", "[{self_CASE}]"));
        assertThat(four.name(EntityRef.of("armenia"), "c1_gen")).isEqualTo("[Armenia’s]");
        Messages five = composing("en", entries, Map.of("c1", "{self_c2_CASE}", "c2", "{self_c3_CASE}", "c3", "{self_c4_CASE}",
                "c4", "{self_c5_CASE}", "c5", "[{self_CASE}]"));
        assertThatThrownBy(() -> five.name(EntityRef.of("armenia"), "c1_gen"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline-lexicon.yaml: entries.armenia: no form 'c5_gen' in language 'en'; add it (forms here: gen, nom)");
    }

    @Test
    void compositionsWithoutACaseNestFourDeepAtMostToo() {
        Map<String, Map<String, String>> entries = Map.of("armenia", Map.of("nom", "Armenia"));
        Messages four = composing("en", entries, Map.of("c1", "{self_c2}", "c2", "{self_c3}", "c3", "{self_c4}", "c4", "[{self}]"));
        assertThat(four.name(EntityRef.of("armenia"), "c1")).isEqualTo("[Armenia]");
        Messages five = composing("en", entries, Map.of("c1", "{self_c2}", "c2", "{self_c3}", "c3", "{self_c4}", "c4", "{self_c5}", "c5", "[{self}]"));
        assertThatThrownBy(() -> five.name(EntityRef.of("armenia"), "c1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline-lexicon.yaml: entries.armenia: no form 'c5' in language 'en'; add it (forms here: nom)");
        Messages loop = composing("en", entries, Map.of("loop", "{self_loop}"));
        assertThatThrownBy(() -> loop.name(EntityRef.of("armenia"), "loop"))
                .as("a composition that uses itself ends in an error, not a stack overflow")
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline-lexicon.yaml: entries.armenia: no form 'loop' in language 'en'; add it (forms here: nom)");
    }

    @Test
    void anEntityWithoutANameSaysWhereToAddIt() {
        assertThatThrownBy(() -> messages("en").name(EntityRef.of("georgia"), "nom"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("(embedded) translations/en/lexicon.yaml: entries.georgia: no name for 'georgia' in language 'en'; add its forms"
                        + " (nom, label) under 'lexicon: entries:' in the story's en.yaml, or to the shared lexicon if other stories name it too");
    }

    @Test
    void anEntitysKindFeedsSelect() {
        Messages en = inline("en", Map.of("m", "{e_kind, select, country {a country} exclave {an exclave} other {{e_kind}}}"), Map.of(), List.of());
        assertThat(en.format("m", Map.of("e", EntityRef.of("armenia")))).isEqualTo("a country");
        assertThat(en.format("m", Map.of("e", EntityRef.of("nakhchivan")))).isEqualTo("an exclave");
        assertThat(en.format("m", Map.of("e", EntityRef.of("osce")))).isEqualTo("organisation");
    }

    @Test
    void theFirstOfAListIsInThisLanguagesOrderAndInAnyForm() {
        Messages az = inline("az", Map.of("m", "{parties_first} | {parties_first_gen} | {parties_gen}"),
                Map.of("armenia", Map.of("nom", "Ermənistan", "gen", "Ermənistanın"), "azerbaijan", Map.of("nom", "Azərbaycan", "gen", "Azərbaycanın")),
                List.of("azerbaijan"));
        assertThat(az.format("m", Map.of("parties", List.of(EntityRef.of("armenia"), EntityRef.of("azerbaijan")))))
                .isEqualTo("Azərbaycan | Azərbaycanın | Azərbaycanın və Ermənistanın");
        assertThat(az.ordered(Set.of(EntityRef.of("armenia"), EntityRef.of("azerbaijan"))).get(0)).isEqualTo(EntityRef.of("azerbaijan"));
        assertThat(az.ordered(List.of(EntityRef.of("armenia"), EntityRef.of("azerbaijan"))))
                .containsExactly(EntityRef.of("azerbaijan"), EntityRef.of("armenia"));
    }

    @Test
    void theFirstOfAnEmptyListIsFineUnlessShown() {
        Messages en = inline("en", Map.of("m", "{parties_count, plural, =0 {nobody} other {led by {parties_first}}}"),
                Map.of("armenia", Map.of("nom", "Armenia")), List.of());
        assertThat(en.format("m", Map.of("parties", List.of()))).isEqualTo("nobody");
        assertThat(en.format("m", Map.of("parties", List.of(EntityRef.of("armenia"))))).isEqualTo("led by Armenia");
        Messages shown = inline("en", Map.of("m", "led by {parties_first}"), Map.of(), List.of());
        assertThatThrownBy(() -> shown.format("m", Map.of("parties", List.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline.yaml:7:3: m: argument {parties_first} is not given in the story; give it there, or word the message without it");
    }

    @Test
    void listsOfNumbersAndDatesAreFormattedItemByItem() {
        Messages en = inline("en", Map.of("m", "{n} | {d_date} | {d_year}"), Map.of(), List.of());
        Map<String, Object> args = Map.of("n", List.of(1000, new BigDecimal("2.5")),
                "d", List.of(PartialDate.parse("2025-08-08"), PartialDate.parse("2026-01")));
        assertThat(en.format("m", args)).isEqualTo("1,000 and 2.5 | August 8, 2025 and January 1, 2026 | 2025 and 2026");
    }

    static Stream<Arguments> plainValues() {
        Calendar calendar = new LocaleFormatter(ULocale.ENGLISH).civilCalendar(LocalDate.of(2025, 8, 8));
        return Stream.of(
                Arguments.of(1000, "{x}", "1,000"),
                Arguments.of(1000L, "{x}", "1,000"),
                Arguments.of(BigInteger.valueOf(1000), "{x}", "1,000"),
                Arguments.of(new BigDecimal("1000.5"), "{x}", "1,000.5"),
                Arguments.of(LocalDate.of(2025, 8, 8), "{x, date, long}", "August 8, 2025"),
                Arguments.of(calendar, "{x, date, long}", "August 8, 2025"),
                Arguments.of(new RelativeTime(RelativeTime.Direction.NEXT, RelativeTime.Unit.WEEK), "{x}", "next week"),
                Arguments.of(Entity.Kind.ARMED_GROUP, "{x}", "armed_group"),
                Arguments.of("signing", "{x, select, signing {signed} other {met}}", "signed"),
                Arguments.of(Boolean.TRUE, "{x, select, true {yes} other {no}}", "yes"));
    }

    @ParameterizedTest
    @MethodSource("plainValues")
    void plainValuesAreGivenToIcuAsThemselves(Object value, String pattern, String expected) {
        Messages en = inline("en", Map.of("m", pattern), Map.of(), List.of());
        assertThat(en.format("m", Map.of("x", value))).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("plainValues")
    void plainValuesHaveNoForms(Object value, String pattern, String expected) {
        Messages en = inline("en", Map.of("m", "{x_bogus}"), Map.of(), List.of());
        assertThatThrownBy(() -> en.format("m", Map.of("x", value)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline.yaml:7:3: m: argument {x_bogus}: 'x' has no form 'bogus'");
    }

    @Test
    void aRecordIsWrittenByItsFields() {
        Messages en = inline("en", Map.of("m", "{source_title} ({source_language})", "whole", "{source}", "missing", "{source_outlet}"), Map.of(), List.of());
        Map<String, Object> args = Map.of("source", story.sources().get(0));
        assertThat(en.format("m", args)).isEqualTo("Armenia and Azerbaijan sign peace agreement at the White House (en)");
        assertThatThrownBy(() -> en.format("whole", args))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline.yaml:7:3: whole: argument {source}: 'source' cannot be written as text; ask for one of its fields, e.g. {source_…}");
        assertThatThrownBy(() -> en.format("missing", args))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline.yaml:7:3: missing: argument {source_outlet} is not given in the story; give it there, or word the message without it");
    }

    @Test
    void anArgumentMissingFromTheMapOrWithNoArgumentsAtAllIsNamed() {
        Messages en = inline("en", Map.of("m", "{venue} on {date, date, long}"), Map.of(), List.of());
        assertThatThrownBy(() -> en.format("m", Map.of("date", LocalDate.of(2025, 8, 8))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline.yaml:7:3: m: argument {venue}: no argument 'venue' here; available: [date]");
        assertThatThrownBy(() -> en.format("m", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline.yaml:7:3: m: argument {date}: no argument 'date' (this message is given no arguments)");
    }

    @Test
    void aMissingMessageOfACatalogPointsAtItsMessagesFile() {
        Messages en = inline("en", Map.of(), Map.of(), List.of());
        assertThatThrownBy(() -> en.format("claim.nothing", Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline.yaml: claim.nothing: no message for language 'en'; add it (a story's own wording goes in its bundle's en.yaml under 'messages:')");
    }

    @Test
    void quantitiesInACaseAndInWords() {
        Messages ru = inline("ru", Map.of("m", "{q_gen} | {q_words_gen} | {q_words}"), Map.of(), List.of());
        assertThat(ru.format("m", Map.of("q", new Quantity(new BigDecimal("3"), Quantity.Unit.DECADE))))
                .isEqualTo("3 десятилетий | трех десятилетий | три десятилетия");
        Messages en = inline("en", Map.of("m", "{q_narrow}"), Map.of(), List.of());
        assertThat(en.format("m", Map.of("q", new Quantity(new BigDecimal("32"), Quantity.Unit.KILOMETER)))).isEqualTo("32km");
    }

    @Test
    void moneyAndDateFacets() {
        Messages en = inline("en", Map.of("money", "{m_full} | {m_value}", "date", "{d_year} | {d_precision} | {d_year}{d_value, selectordinal, one {st} two {nd} few {rd} other {th}}"),
                Map.of(), List.of());
        assertThat(en.format("money", Map.of("m", new Money(new BigDecimal("25500000000"), "GBP"))))
                .isEqualTo("25,500,000,000.00 British pounds | 25,500,000,000");
        assertThat(en.format("date", Map.of("d", PartialDate.parse("2023-05")))).isEqualTo("2023 | month | 2023rd");
        Messages bad = inline("en", Map.of("money", "{m_long}", "date", "{d_day}"), Map.of(), List.of());
        assertThatThrownBy(() -> bad.format("money", Map.of("m", new Money(BigDecimal.TEN, "GBP"))))
                .hasMessage("inline.yaml:7:3: money: argument {m_long}: 'm' is money; its forms are {m}, {m_short}, {m_full}, {m_value} and {m_currency}");
        assertThatThrownBy(() -> bad.format("date", Map.of("d", PartialDate.ofYear(2023))))
                .hasMessage("inline.yaml:7:3: date: argument {d_day}: 'd' is a date; its forms are {d}, {d_in}, {d_value}, {d_year}, {d_date} and {d_precision}");
    }

    @Test
    void aDayWithItsWeekdayByTheMessageDateFull() {
        assertThat(inline("en", Map.of(), Map.of(), List.of()).full(LocalDate.of(2025, 8, 8))).isEqualTo("Friday, August 8, 2025");
        assertThat(messages("ru").full(LocalDate.of(2025, 8, 8))).isEqualTo("пятница, 8 августа 2025\u202Fг.");
    }
}
