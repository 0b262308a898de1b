package dev.newsbrief.model;

import static dev.newsbrief.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.build.Builder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoryLoaderTest {
    private final StoryLoader loader = new StoryLoader();

    private Story defaultStory() {
        return loader.load("default.yaml", Builder.embeddedDefaultStory());
    }

    @Test
    void defaultStoryHoldsTheFactsAsTypedValues() {
        Story story = defaultStory();
        assertThat(story.id()).isEqualTo("armenia-azerbaijan-peace-2025");
        assertThat(story.kind()).isEqualTo("agreement");
        assertThat(story.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        Event event = story.event();
        assertThat(event.kind()).isEqualTo(Event.Kind.SIGNING);
        assertThat(event.date()).isEqualTo(LocalDate.of(2025, 8, 8));
        assertThat(event.date().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(event.hosts()).containsExactly(EntityRef.of("trump"));
        assertThat(event.mediators()).containsExactly(EntityRef.of("united-states"));
        assertThat(event.signatories()).containsExactly(EntityRef.of("aliyev"), EntityRef.of("pashinyan"));
        assertThat(story.entity(EntityRef.of("aliyev")).office()).isEqualTo("president");
        assertThat(story.entity(EntityRef.of("pashinyan")).of()).isEqualTo(EntityRef.of("armenia"));
        assertThat(story.keyFacts()).extracting(KeyFact::value)
                .contains(new Quantity(new BigDecimal("32"), Quantity.Unit.KILOMETER), new Quantity(new BigDecimal("99"), Quantity.Unit.YEAR));
        assertThat(story.chronology()).extracting(entry -> entry.date().toString()).containsExactly("2020", "2023", "2025-08-08");
        assertThat(story.benefits()).extracting(b -> b.party().id()).containsExactly("armenia", "azerbaijan", "united-states");
        assertThat(story.quotes()).hasSize(4).allSatisfy(quote -> assertThat(quote.translations()).containsKeys("hy", "az", "ru"));
        assertThat(story.people()).extracting(EntityRef::id).containsExactly("trump", "aliyev", "pashinyan");
        assertThat(story.datelineCity()).isEqualTo(EntityRef.of("washington"));
    }

    @Test
    void claimArgumentsAreTypedByShape() {
        Map<String, Claim> claims = defaultStory().allClaims();
        assertThat(claims.get("benefits[0].claims[0]").args().get("partners"))
                .isEqualTo(List.of(EntityRef.of("azerbaijan"), EntityRef.of("united-states")));
        Map<String, Object> wars = claims.get("sections[0].paragraphs[0][1]").args();
        assertThat(wars.get("years")).isEqualTo(List.of(PartialDate.ofYear(2020), PartialDate.ofYear(2023)));
        Map<String, Object> talks = claims.get("sections[1].paragraphs[2][0]").args();
        assertThat(talks.get("firms")).isEqualTo(BigInteger.valueOf(9));
        assertThat(talks.get("when")).isEqualTo(new RelativeTime(RelativeTime.Direction.NEXT, RelativeTime.Unit.WEEK));
        assertThat(claims.get("standfirst").args().get("date")).isEqualTo(PartialDate.parse("2025-08-08"));
    }

    @Test
    void everyClaimIsListedWithItsPath() {
        Story story = defaultStory();
        assertThat(story.allClaims()).containsKeys("standfirst", "event.details[0]", "keyFacts[0].text", "sections[2].paragraphs[1][2]",
                "timeline[2]", "benefits[2].claims[2]");
        assertThat(story.storyMessageKeys()).contains("claim.handshake", "section.route", "fact.length");
    }

    @Test
    void moneyAndDatesOfEachPrecision() {
        Story story = loader.load("trade.yaml", read("/stories/india-uk-trade-agreement-2025/story.yaml"));
        assertThat(story.allClaims().get("standfirst").args().get("growth"))
                .isEqualTo(new Money(new BigDecimal("25500000000"), "GBP"));
        assertThat(story.keyFacts().get(3).value()).isEqualTo(PartialDate.parse("2022-01"));
        assertThat(PartialDate.parse("2022-01").precision()).isEqualTo(PartialDate.Precision.MONTH);
        assertThat(story.terms().get(2).within()).isEqualTo(new Quantity(BigDecimal.TEN, Quantity.Unit.YEAR));
        assertThat(story.quotes()).allMatch(Quote::paraphrase);
    }

    private static String read(String resource) {
        try (var in = StoryLoaderTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void modelIsImmutable() {
        Story story = defaultStory();
        assertThatThrownBy(() -> story.quotes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> story.entities().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> story.event().parties().add(EntityRef.of("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> story.sections().get(0).paragraphs().get(0).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStoryFolderCarriesItsWordingPerLanguage() {
        StorySource source = loader.loadSource(fixture("stories/minimal"));
        assertThat(source.story().id()).isEqualTo("minimal-summit-2026");
        assertThat(source.wording()).isEmpty();
        StorySource bundle = loader.loadSource(java.nio.file.Path.of("src/main/resources/stories/armenia-azerbaijan-peace-2025"));
        assertThat(bundle.wording()).containsKeys("en");
        assertThat(bundle.wording().get("en").content()).contains("handshake:");
    }

    @Test
    void aFolderWithoutStoryYamlIsRejected() {
        assertThatThrownBy(() -> loader.loadSource(fixture("bad")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a story folder needs story.yaml");
    }

    /** Each bad story gives one line: file:line:col, the field path and what to do — never parser internals. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown-entity      | 21:11 | event.hosts[0]: unknown entity 'trum'; declare it under 'entities:'",
        "missing-field       | 16:3  | event.date: required field 'date' is missing in 'event'; add it",
        "wrong-type          | 5:12  | published: 'last friday' is not a valid date (YYYY-MM-DD)",
        "unknown-field       | 21:10 | event.hostt: unknown field 'hostt'; known fields here: city, date, details, document, hosts",
        "list-for-one        | 18:9  | event.city: expected one entity id, found a list",
        "empty-list          | 22:12 | event.parties: an empty list; give at least one item",
        "duplicate-key       | 5:9   | duplicate key 'timeZone'; each key may appear once",
        "bad-quantity        | 25:48 | keyFacts[0].value.unit: 'lightyear' is not a valid Unit (one of: kilometer",
        "empty-argument-list | 27:32 | sections[0].paragraphs[0][0].args: argument 'years' is an empty list",
        "bad-partial-date    | 25:13 | timeline[0].date: not a calendar date: there is no month 13; months are 01 to 12",
        "script-url          | 7:38  | sources[0].url: 'javascript:alert(1)' is not an http or https address",
        "bad-currency        | 25:50 | keyFacts[0].value.currency: 'XYZ' is not an ISO 4217 currency code"})
    void badStoriesAreReportedWithFileLineColumnAndField(String name, String position, String message) {
        assertThatThrownBy(() -> loader.load(fixture("bad/" + name + ".yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(fixture("bad/" + name + ".yaml") + ":" + position + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jackson", "Jackson", "JsonToken", "`", "\n"));
    }

    @Test
    void storyIdMustBeSafeForFileNames() {
        String yaml = Builder.embeddedDefaultStory().replace("id: armenia-azerbaijan-peace-2025", "id: ../../etc/passwd");
        assertThatThrownBy(() -> loader.load("traversal.yaml", yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("traversal.yaml:8:5: id: '../../etc/passwd' is not a valid story id");
    }

    @Test
    void personWithoutOfficeIsRejected() {
        String yaml = Builder.embeddedDefaultStory().replace("trump:    { kind: person, office: president, of: united-states }", "trump:    { kind: person }");
        assertThatThrownBy(() -> loader.load("person.yaml", yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("entities.trump: a person needs 'office'");
    }

    @Test
    void aSigningNeedsSignatories() {
        String yaml = Builder.embeddedDefaultStory().replace("  signatories: [aliyev, pashinyan]\n", "");
        assertThatThrownBy(() -> loader.load("signing.yaml", yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("event: a signing needs 'signatories'");
    }

    @Test
    void malformedLanguageTagIsRejected() {
        String yaml = Builder.embeddedDefaultStory().replaceFirst("    language: en\n    text: \"Thirty", "    language: english-please\n    text: \"Thirty");
        assertThatThrownBy(() -> loader.load("lang.yaml", yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("quotes[0].language: 'english-please' is not a language tag");
    }

    @Test
    void emptyFileSaysWhatAStoryNeeds() {
        assertThatThrownBy(() -> loader.load("empty.yaml", ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty.yaml")
                .hasMessageContaining("'event'");
    }

    @ParameterizedTest
    @CsvSource({"2020, YEAR, 2020", "2025-01, MONTH, 2025-01", "2025-08-08, DAY, 2025-08-08"})
    void partialDatesKeepTheirPrecision(String text, PartialDate.Precision precision, String printed) {
        PartialDate date = PartialDate.parse(text);
        assertThat(date.precision()).isEqualTo(precision);
        assertThat(date).hasToString(printed);
        assertThat(date.start()).isEqualTo(LocalDate.parse(text.length() == 4 ? text + "-01-01" : text.length() == 7 ? text + "-01" : text));
    }

    @Test
    void partialDatesSortByTimeThenPrecision() {
        assertThat(List.of(PartialDate.parse("2025-08-08"), PartialDate.parse("2025"), PartialDate.parse("2025-01"), PartialDate.parse("2024-12-31"))
                .stream().sorted().map(PartialDate::toString).toList())
                .containsExactly("2024-12-31", "2025", "2025-01", "2025-08-08");
        assertThatThrownBy(() -> PartialDate.parse("2025-02-30")).hasMessageContaining("not a calendar date");
        assertThatThrownBy(() -> PartialDate.parse("August 2025")).hasMessageContaining("write YYYY, YYYY-MM or YYYY-MM-DD");
    }
}
