package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import dev.newsbrief.build.Builder;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Money;
import dev.newsbrief.model.PartialDate;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
