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
        "duplicate-key       | 5:1   | duplicate key 'timeZone'; each key may appear once",
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

    @Test
    void aSingleStoryFileIsReadWithoutWording() {
        java.nio.file.Path file = fixture("stories/valid-signing.yaml");
        assertThat(loader.load(file).event().signatories()).containsExactly(EntityRef.of("trump"));
        StorySource source = loader.loadSource(file);
        assertThat(source.file()).isEqualTo(file.toString());
        assertThat(source.wording()).isEmpty();
    }

    @Test
    void aBundleGivenAsTextsKeepsItsWording() {
        StorySource.Text en = new StorySource.Text("bundle/en.yaml", "messages: { claim: { talks: Talks began. } }");
        StorySource source = loader.loadBundle("bundle/story.yaml", StoryYaml.BASE, Map.of("en", en));
        assertThat(source.story().id()).isEqualTo("test-story");
        assertThat(source.file()).isEqualTo("bundle/story.yaml");
        assertThat(source.wording()).containsExactly(Map.entry("en", en));
    }

    @Test
    void aDocumentOfNothingSaysWhatAStoryNeeds() {
        String empty = "the file is empty; a story needs at least 'id', 'kind', 'timeZone', 'published', 'sources', 'entities' and 'event'";
        assertThat(StoryYaml.problem("null\n")).isEqualTo("story.yaml:1:1: " + empty);
        assertThat(StoryYaml.problem("~\n")).isEqualTo("story.yaml:1:1: " + empty);
    }

    @Test
    void aMissingTopLevelFieldIsReportedAtTheStartOfTheFile() {
        assertThat(StoryYaml.problem(StoryYaml.replacing("id: test-story\n", ""))).isEqualTo(
                "story.yaml:1:1: id: required field 'id' is missing; add it");
    }

    @Test
    void aMissingFieldOfAListItemIsReportedAtTheItem() {
        assertThat(StoryYaml.problem(StoryYaml.with("timeline:\n  - { date: 2020, claim: war }\n  - { claim: peace }\n"))).isEqualTo(
                "story.yaml:18:5: timeline[1].date: required field 'date' is missing in 'timeline[1]'; add it");
    }

    /** An alias without its anchor is found before the story is bound, at the alias. */
    @Test
    void anUndefinedAliasIsReportedWhereItIs() {
        assertThat(StoryYaml.problem("id: [a]\nkind: *nowhere\n")).isEqualTo("story.yaml:2:7: the alias *nowhere has no anchor &nowhere before it");
    }

    @Test
    void yamlSyntaxErrorsAreOneLine() {
        assertThat(StoryYaml.problem("id: \"unclosed\nkind: x\n"))
                .isEqualTo("story.yaml:3:1: found unexpected end of stream (while scanning a quoted scalar that starts at 1:5)");
        assertThat(StoryYaml.problem("id: a\n  b: c\n")).isEqualTo("story.yaml:2:4: mapping values are not allowed here");
    }

    @Test
    void aValueThatIsNoEntityKindListsTheKinds() {
        assertThat(StoryYaml.problem(StoryYaml.replacing("armenia: { kind: country }", "armenia: { kind: planet }"))).isEqualTo(
                "story.yaml:8:20: entities.armenia.kind: 'planet' is not an entity kind; use one of: person, country, region, exclave, "
                        + "city, place, river, organisation, company, armed-group, law, document, route, infrastructure, commodity, event");
    }

    /** A value of the wrong shape is named by what was expected and what was found, in the user's words. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "timeZone: UTC                  | timeZone: Mars/Olympus         | 3:11: timeZone: 'Mars/Olympus' is not a valid time zone (an IANA id such as Europe/Paris)",
        "timeZone: UTC                  | timeZone: { a: 1 }             | 3:11: timeZone: expected time zone (an IANA id such as Europe/Paris), found a mapping",
        "timeZone: UTC                  | timeZone: [UTC]                | 3:11: timeZone: expected one time zone (an IANA id such as Europe/Paris), found a list",
        "id: test-story                 | id: [a, b]                     | 1:5: id: expected one text, found a list",
        "id: test-story                 | id: { a: b }                   | 1:5: id: expected text, found a mapping",
        "city: london                   | city: { name: london }         | 14:9: event.city: expected entity id, found a mapping",
        "city: london                   | city: 12                       | 14:9: event.city: expected entity id, found a number",
        "parties: [armenia, azerbaijan] | parties: armenia               | 15:12: event.parties: expected list, found text",
        "parties: [armenia, azerbaijan] | parties: 3                     | 15:12: event.parties: expected list, found a number",
        "parties: [armenia, azerbaijan] | parties: true                  | 15:12: event.parties: expected list, found true/false",
        "kind: summit                   | kind: 1.5                      | 12:9: event.kind: expected Kind (one of: signing, ceasefire, announcement, summit, talks), found a number",
        "kind: summit                   | kind: false                    | 12:9: event.kind: expected Kind (one of: signing, ceasefire, announcement, summit, talks), found true/false",
        "armenia: { kind: country }     | armenia: country               | 8:12: entities.armenia: expected mapping (Entity), found text",
        "armenia: { kind: country }     | armenia: [country]             | 8:12: entities.armenia: expected one mapping (Entity), found a list"})
    void aValueOfTheWrongShape(String old, String replacement, String message) {
        assertThat(StoryYaml.problem(StoryYaml.replacing(old, replacement))).isEqualTo("story.yaml:" + message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "'  - { date: [2020], claim: war }'                   | 17:13: timeline[0].date: expected one date (YYYY, YYYY-MM or YYYY-MM-DD), found a list",
        "'  - { date: 5.5, claim: war }'                      | 17:13: timeline[0].date: expected date (YYYY, YYYY-MM or YYYY-MM-DD), found a number",
        "'  - { date: { year: ~ }, claim: war }'              | 17:21: timeline[0].date.year: expected number, found nothing"})
    void aTimelineDateOfTheWrongShape(String entry, String message) {
        assertThat(StoryYaml.problem(StoryYaml.with("timeline:\n" + entry + "\n"))).isEqualTo("story.yaml:" + message);
    }

    @Test
    void aQuantityWhoseValueIsNoNumber() {
        assertThat(StoryYaml.problem(StoryYaml.with("keyFacts:\n  - { label: x, value: { value: true, unit: day } }\n")))
                .isEqualTo("story.yaml:17:33: keyFacts[0].value.value: expected number, found true/false");
        assertThat(StoryYaml.problem(StoryYaml.with("keyFacts:\n  - { label: x, value: { value: ten, unit: day } }\n")))
                .isEqualTo("story.yaml:17:33: keyFacts[0].value.value: 'ten' is not a valid number");
    }

    @Test
    void aWholeSectionOfTheWrongShape() {
        String event = StoryYaml.BASE.substring(StoryYaml.BASE.indexOf("event:"));
        assertThat(StoryYaml.problem(StoryYaml.replacing(event, "event: signing\n")))
                .isEqualTo("story.yaml:11:8: event: expected mapping (Event), found text");
        assertThat(StoryYaml.problem("- a\n- b\n")).isEqualTo("story.yaml:1:1: expected one mapping (Story), found a list");
        assertThat(StoryYaml.problem("just text\n")).isEqualTo("story.yaml:1:1: expected mapping (Story), found text");
    }

    @Test
    void mappingsAreCalledMappings() {
        assertThat(StoryYaml.problem(StoryYaml.with("quotes:\n  - { speaker: armenia, language: en, text: Hi, translations: [ru] }\n")))
                .startsWith("story.yaml:17:63: quotes[0].translations: expected one mapping");
        assertThat(StoryYaml.problem(StoryYaml.replacing("entities:\n", "entities: [a]\nentities-old:\n")))
                .startsWith("story.yaml:7:11: entities: expected one mapping");
    }

    /** Regression: a required field written as ~ was a NullPointerException (exit 1); now it is named. */
    @Test
    void aRequiredFieldWithNoValueIsNamed() {
        assertThatThrownBy(() -> loader.load("null.yaml", Builder.embeddedDefaultStory().replace("kind: agreement", "kind: ~")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("null.yaml:9:7: kind: 'kind' has no value; give it one");
        assertThatThrownBy(() -> loader.load("item.yaml", Builder.embeddedDefaultStory().replace("parties: [armenia, azerbaijan]\n  signatories", "parties: [armenia, ~]\n  signatories")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("item.yaml:52:3: event: an empty item or value (~ or a bare '-'); remove it or give it a value");
    }

    /** Regression: a date written as a number was read as days since 1970 (the year 57440). */
    @Test
    void aDateWrittenAsANumberIsRefused() {
        assertThatThrownBy(() -> loader.load("n.yaml", Builder.embeddedDefaultStory().replace("published: 2025-08-08", "published: 20250808")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("n.yaml:11:12: published:");
    }

    @Test
    void aDeadlineIsAWholeNumberOfDaysToDecades() {
        String trade = read("/stories/india-uk-trade-agreement-2025/story.yaml");
        assertThatThrownBy(() -> loader.load("t.yaml", trade.replace("within: { value: 10, unit: year }", "within: { value: 48, unit: hour }")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("terms[2].within: a deadline is a whole number of days, weeks, months, years or decades after the event");
        assertThatThrownBy(() -> loader.load("t.yaml", trade.replace("within: { value: 10, unit: year }", "within: { value: 1.5, unit: year }")))
                .hasMessageContaining("terms[2].within: a deadline is a whole number");
    }

    @Test
    void aPartialDateWithMonthOrDayZeroIsRefused() {
        assertThatThrownBy(() -> PartialDate.parse("2025-08-00")).hasMessageContaining("has a month or day 00");
        assertThatThrownBy(() -> PartialDate.parse("2025-00")).hasMessageContaining("has a month or day 00");
    }

    /** check reports each unknown field (build stops at the first), with the fields known there, and goes on to validate. */
    @Test
    void checkReportsEveryUnknownFieldThenValidates() {
        String yaml = StoryYaml.replacing("  - { title: Source, language: en }", "  - { titel: Source, title: Source, language: en }")
                .replace("  city: london", "  citty: london") + "dateline: atlantis\n";
        List<InvalidInputException> problems = loader.check(StoryYaml.FILE, yaml).problems();
        assertThat(problems).extracting(InvalidInputException::getMessage).containsExactly(
                "story.yaml:6:14: sources[0].titel: unknown field 'titel'; known fields here: date, language, outlet, title, url",
                "story.yaml:14:10: event.citty: unknown field 'citty'; known fields here: city, date, details, document, hosts, kind, mediators, parties, signatories, venue",
                "story.yaml:16:11: dateline: unknown entity 'atlantis'; declare it under 'entities:' or use one of: armenia, azerbaijan, london");
        assertThat(problems.get(1)).isInstanceOfSatisfying(UnknownNameException.class,
                unknown -> assertThat(unknown.name()).isEqualTo("citty"));
        assertThatThrownBy(() -> loader.load(StoryYaml.FILE, yaml)).hasMessage(problems.get(0).getMessage());
    }

    /** A value an enum refuses keeps the value and the allowed ones, for a hint. */
    @Test
    void aRefusedKindCarriesTheKinds() {
        var problems = loader.check(StoryYaml.FILE, StoryYaml.replacing("armenia: { kind: country }", "armenia: { kind: contry }")).problems();
        assertThat(problems).singleElement().isInstanceOfSatisfying(UnknownNameException.class, unknown -> {
            assertThat(unknown.name()).isEqualTo("contry");
            assertThat(unknown.known()).contains("country", "armed-group").hasSize(Entity.Kind.values().length);
        });
        var event = loader.check(StoryYaml.FILE, StoryYaml.replacing("kind: summit", "kind: sumit")).problems();
        assertThat(event).singleElement().isInstanceOfSatisfying(UnknownNameException.class, unknown -> {
            assertThat(unknown.name()).isEqualTo("sumit");
            assertThat(unknown.known()).containsExactly("announcement", "ceasefire", "signing", "summit", "talks");
        });
    }

    /** A bundle: a wording file whose name is no language tag is reported with the story's own problems, not instead of them. */
    @Test
    void checkingABundleReportsBadFileNamesAndTheStory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("story.yaml"), StoryYaml.with("dateline: atlantis\n"));
        java.nio.file.Files.writeString(dir.resolve("en_GB.yaml"), "messages: {}\n");
        java.nio.file.Files.writeString(dir.resolve("ru.yaml"), "messages: {}\n");
        CheckedStory checked = loader.check(dir);
        assertThat(checked.problems()).extracting(InvalidInputException::getMessage).containsExactly(
                dir.resolve("en_GB.yaml") + ": 'en_GB' is not a BCP 47 tag; write 'en-GB' (with '-', not '_')",
                dir.resolve("story.yaml") + ":16:11: dateline: unknown entity 'atlantis'; declare it under 'entities:' or use one of: armenia, azerbaijan, london");
        assertThat(checked.source().wording()).containsOnlyKeys("ru");
        assertThat(loader.check(dir.resolve("nothing-here")).problems()).extracting(InvalidInputException::getMessage)
                .containsExactly(dir.resolve("nothing-here") + ": no such story file or folder; give a story's YAML file or a story bundle folder (holding story.yaml)");
    }
}
