package dev.newsbrief.model;

import static dev.newsbrief.model.StoryYaml.load;
import static dev.newsbrief.model.StoryYaml.problem;
import static dev.newsbrief.model.StoryYaml.replacing;
import static dev.newsbrief.model.StoryYaml.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the validator checks after binding: each problem named by file:line:col, field and what to do. */
class StoryValidatorTest {
    private static final String COUNTRY = "  armenia: { kind: country }\n";
    private static final String SOURCE = "  - { title: Source, language: en }\n";

    @Test
    void theBaseStoryIsValid() {
        assertThat(load(StoryYaml.BASE).id()).isEqualTo("test-story");
    }

    @Test
    void storyKindMustBeAFolderName() {
        assertThat(problem(replacing("kind: agreement", "kind: Agreement"))).isEqualTo(
                "story.yaml:2:7: kind: 'Agreement' is not a valid story kind; use lower-case letters, digits and '-' (it names a template folder)");
    }

    @Test
    void entityIdsMustBeSlugs() {
        assertThat(problem(replacing(COUNTRY, "  Armenia: { kind: country }\n"))).isEqualTo(
                "story.yaml:8:12: entities.Armenia: 'Armenia' is not a valid entity id; use lower-case letters, digits and '-'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "~"})
    void anEntityNeedsItsKind(String nothing) {
        assertThat(problem(replacing(COUNTRY, "  armenia: " + nothing + "\n"))).isEqualTo(
                "story.yaml:8:12: entities.armenia: give the entity's kind, e.g. { kind: country }");
    }

    @Test
    void aPersonNeedsBothOfficeAndOf() {
        String withOffice = replacing(COUNTRY, COUNTRY + "  bob: { kind: person, office: president }\n");
        String withOf = replacing(COUNTRY, COUNTRY + "  bob: { kind: person, of: armenia }\n");
        String expected = "story.yaml:9:8: entities.bob: a person needs 'office' (e.g. president) and 'of' (the entity whose office it is)";
        assertThat(problem(withOffice)).isEqualTo(expected);
        assertThat(problem(withOf)).isEqualTo(expected);
        Story story = load(replacing(COUNTRY, COUNTRY + "  bob: { kind: person, office: president, of: armenia }\n"));
        assertThat(story.people()).containsExactly(EntityRef.of("bob"));
    }

    @Test
    void onlyAPersonHasOfficeOrOf() {
        String expected = "story.yaml:8:12: entities.armenia: only a person has 'office' and 'of'";
        assertThat(problem(replacing(COUNTRY, "  armenia: { kind: country, office: president }\n"))).isEqualTo(expected);
        assertThat(problem(replacing(COUNTRY, "  armenia: { kind: country, of: azerbaijan }\n"))).isEqualTo(expected);
    }

    @Test
    void officesAreSlugs() {
        assertThat(problem(replacing(COUNTRY, COUNTRY + "  bob: { kind: person, office: President, of: armenia }\n"))).isEqualTo(
                "story.yaml:9:32: entities.bob.office: 'President' is not a valid office id; use lower-case letters, digits and '-'");
    }

    @Test
    void theEntityOfAnOfficeMustBeDeclared() {
        assertThat(problem(replacing(COUNTRY, COUNTRY + "  bob: { kind: person, office: president, of: atlantis }\n"))).isEqualTo(
                "story.yaml:9:47: entities.bob.of: unknown entity 'atlantis'; declare it under 'entities:' or use one of: armenia, bob, azerbaijan, london");
    }

    @Test
    void onlyASigningNeedsSignatories() {
        assertThat(problem(replacing("  kind: summit", "  kind: signing"))).isEqualTo(
                "story.yaml:12:3: event: a signing needs 'signatories': the people who signed");
        assertThat(load(StoryYaml.BASE).event().signatories()).isEmpty();
    }

    @Test
    void sourcesAreNotEmpty() {
        assertThat(problem(replacing("sources:\n" + SOURCE, "sources: []\n"))).isEqualTo(
                "story.yaml:5:10: sources: an empty list; give at least one item");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-private", "abcd", "abcdefgh"})
    void sourceLanguagesAreLanguageTags(String tag) {
        assertThat(problem(replacing(SOURCE, "  - { title: Source, language: " + tag + " }\n"))).isEqualTo(
                "story.yaml:6:32: sources[0].language: '" + tag + "' is not a language tag; use a BCP 47 tag such as en, hy, az or ru");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fil", "hy-Latn", "sr-Cyrl-RS"})
    void twoAndThreeLetterLanguagesAreTags(String tag) {
        assertThat(load(replacing(SOURCE, "  - { title: Source, language: " + tag + " }\n")).sources().get(0).language()).isEqualTo(tag);
    }

    @Test
    void quoteLanguagesAndTranslationTagsAreLanguageTags() {
        assertThat(problem(with("quotes:\n  - { speaker: armenia, language: english, text: Hi }\n"))).isEqualTo(
                "story.yaml:17:35: quotes[0].language: 'english' is not a language tag; use a BCP 47 tag such as en, hy, az or ru");
        assertThat(problem(with("quotes:\n  - { speaker: armenia, language: en, text: Hi, translations: { ru: Привет, \"e n\": x } }\n"))).isEqualTo(
                "story.yaml:17:84: quotes[0].translations.e n: 'e n' is not a language tag; use a BCP 47 tag such as en, hy, az or ru");
        assertThat(problem(with("quotes:\n  - { speaker: armenia, language: en, text: Hi, translations: { ru: Привет, abcdefghi: x } }\n"))).isEqualTo(
                "story.yaml:17:88: quotes[0].translations.abcdefghi: 'abcdefghi' is not a language tag; use a BCP 47 tag such as en, hy, az or ru");
    }

    @Test
    void quoteSpeakersAreDeclaredEntities() {
        assertThat(problem(with("quotes:\n  - { speaker: atlantis, language: en, text: Hi }\n"))).isEqualTo(
                "story.yaml:17:16: quotes[0].speaker: unknown entity 'atlantis'; declare it under 'entities:' or use one of: armenia, azerbaijan, london");
    }

    private static String url(String url) {
        return replacing(SOURCE, "  - { title: Source, language: en, url: \"" + url + "\" }\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.org/a", "https://example.org/a?b=c", "HTTPS://EXAMPLE.ORG/a", " https://example.org/padded "})
    void httpAndHttpsAddressesAreLinked(String address) {
        assertThat(load(url(address)).sources().get(0).url()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/a", "mailto:editor@example.org", "example.org/a", "http:/no-host", "https:///no-host",
        "javascript:alert(1)", " JavaScript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd", "//evil.example/x", "relative/page.html", "/absolute/page.html", "vbscript:msgbox(1)", "https:evil.example"})
    void otherAddressesAreRefused(String address) {
        assertThat(problem(url(address))).isEqualTo(
                "story.yaml:6:41: sources[0].url: '" + address + "' is not an http or https address; only those are linked");
    }

    /** A control character inside the scheme (browsers drop tabs and newlines there) does not sneak a script through. */
    @Test
    void controlCharactersInAnAddressAreRefusedAndEscaped() {
        assertThat(problem(url("java\\tscript:alert(1)"))).isEqualTo(
                "story.yaml:6:41: sources[0].url: 'java\\u0009script:alert(1)' is not a valid http or https address: Illegal character in scheme name");
        assertThat(problem(url("\\u0001javascript:alert(1)"))).isEqualTo(
                "story.yaml:6:41: sources[0].url: '\\u0001javascript:alert(1)' is not a valid http or https address: Illegal character in scheme name");
    }

    @Test
    void malformedAddressesSayWhy() {
        assertThat(problem(url("http://exa mple.org/"))).isEqualTo(
                "story.yaml:6:41: sources[0].url: 'http://exa mple.org/' is not a valid http or https address: Illegal character in authority");
    }

    @Test
    void sectionIdsNameMessages() {
        assertThat(problem(with("sections:\n  - { id: background, paragraphs: [[{ claim: talks }]] }\n  - { id: Background, paragraphs: [[{ claim: talks }]] }\n")))
                .isEqualTo("story.yaml:18:11: sections[1].id: 'Background' is not a valid section id; "
                        + "use letters, digits and '-', starting with a lower-case letter (it names a message)");
    }

    @Test
    void paragraphsAreNotEmpty() {
        assertThat(problem(with("sections:\n  - id: background\n    paragraphs: []\n"))).isEqualTo(
                "story.yaml:18:17: sections[0].paragraphs: an empty list; give at least one item");
        assertThat(problem(with("sections:\n  - id: background\n    paragraphs:\n      - - { claim: talks }\n      - []\n"))).isEqualTo(
                "story.yaml:20:9: sections[0].paragraphs[1]: an empty list; give at least one item or remove it");
        assertThat(problem(with("sections:\n  - id: background\n    paragraphs:\n      - ~\n"))).isEqualTo(
                "story.yaml:19:9: sections[0].paragraphs[0]: an empty list; give at least one item or remove it");
        assertThat(problem(with("sections:\n  - id: background\n    paragraphs: ~\n"))).isEqualTo(
                "story.yaml:18:17: sections[0].paragraphs: an empty list; give at least one item");
    }

    @Test
    void keyFactLabelsNameMessages() {
        assertThat(problem(with("keyFacts:\n  - { label: length, value: 3 }\n  - { label: Length, value: 3 }\n"))).isEqualTo(
                "story.yaml:18:14: keyFacts[1].label: 'Length' is not a valid key-fact label; "
                        + "use letters, digits and '-', starting with a lower-case letter (it names a message)");
    }

    @Test
    void aKeyFactHasAValueOrATextNotBoth() {
        assertThat(problem(with("keyFacts:\n  - { label: length }\n"))).isEqualTo(
                "story.yaml:17:5: keyFacts[0]: give either 'value' (a typed value) or 'text' (a claim), not neither");
        assertThat(problem(with("keyFacts:\n  - { label: length, value: 3, text: { claim: long } }\n"))).isEqualTo(
                "story.yaml:17:5: keyFacts[0]: give either 'value' (a typed value) or 'text' (a claim), not both");
        Story story = load(with("keyFacts:\n  - { label: length, value: 3 }\n  - { label: where, text: { claim: far } }\n"));
        assertThat(story.keyFacts()).extracting(KeyFact::labelKey).containsExactly("fact.length", "fact.where");
    }

    @Test
    void keyFactValuesNamingEntitiesAreChecked() {
        assertThat(problem(with("keyFacts:\n  - { label: length, value: 3 }\n  - { label: where, value: atlantis }\n"))).isEqualTo(
                "story.yaml:18:28: keyFacts[1].value: unknown entity 'atlantis'; declare it under 'entities:' or use one of: armenia, azerbaijan, london");
    }

    @Test
    void claimNamesAreCheckedWhereverClaimsAre() {
        String rule = " is not a valid claim name; use letters, digits and '-', starting with a lower-case letter";
        assertThat(problem(with("standfirst: { claim: Head }\n"))).isEqualTo("story.yaml:16:22: standfirst.claim: 'Head'" + rule);
        assertThat(problem(with("terms:\n  - { claim: Withdraw }\n"))).isEqualTo("story.yaml:17:14: terms[0].claim: 'Withdraw'" + rule);
        assertThat(problem(with("timeline:\n  - { date: 2020, claim: War }\n"))).isEqualTo("story.yaml:17:26: timeline[0].claim: 'War'" + rule);
        assertThat(problem(with("benefits:\n  - { party: armenia, claims: [ { claim: gain_more } ] }\n")))
                .isEqualTo("story.yaml:17:42: benefits[0].claims[0].claim: 'gain_more'" + rule);
    }

    @Test
    void argumentNamesAreIdentifiers() {
        String rule = " is not a valid argument name; use letters and digits, starting with a lower-case letter (no '_' or '-')";
        assertThat(problem(with("terms:\n  - { claim: withdraw, args: { Army: armenia } }\n")))
                .isEqualTo("story.yaml:17:38: terms[0].args.Army: 'Army'" + rule);
        assertThat(problem(with("terms:\n  - { claim: withdraw, args: { army_x: armenia } }\n")))
                .isEqualTo("story.yaml:17:40: terms[0].args.army_x: 'army_x'" + rule);
    }

    @Test
    void argumentsNamingEntitiesAreChecked() {
        String known = "; declare it under 'entities:' or use one of: armenia, azerbaijan, london";
        assertThat(problem(with("headline: { claim: head, args: { who: atlantis } }\n")))
                .isEqualTo("story.yaml:16:39: headline.args.who: unknown entity 'atlantis'" + known);
        assertThat(problem(with("terms:\n  - { claim: withdraw, args: { army: atlantis } }\n")))
                .isEqualTo("story.yaml:17:38: terms[0].args.army: unknown entity 'atlantis'" + known);
        assertThat(problem(with("timeline:\n  - { date: 2020, claim: war, args: { by: atlantis } }\n")))
                .isEqualTo("story.yaml:17:43: timeline[0].args.by: unknown entity 'atlantis'" + known);
        assertThat(problem(with("benefits:\n  - { party: armenia, claims: [ { claim: gain, args: { with: [armenia, atlantis] } } ] }\n")))
                .isEqualTo("story.yaml:17:72: benefits[0].claims[0].args.with[1]: unknown entity 'atlantis'" + known);
    }

    @Test
    void currenciesAreIso4217Codes() {
        String details = "  parties: [armenia, azerbaijan]\n  details:\n    - { claim: vote, args: { cost: { amount: 5, currency: usd } } }\n";
        assertThat(problem(replacing("  parties: [armenia, azerbaijan]\n", details))).isEqualTo(
                "story.yaml:17:59: event.details[0].args.cost.currency: 'usd' is not an ISO 4217 currency code; use e.g. USD, EUR, GBP");
        Story story = load(replacing("  parties: [armenia, azerbaijan]\n", details.replace("usd", "USD")));
        assertThat(story.event().details().get(0).args().get("cost")).isEqualTo(new Money(java.math.BigDecimal.valueOf(5), "USD"));
    }

    @Test
    void benefitsNameAtLeastOneClaim() {
        assertThat(problem(with("benefits:\n  - { party: armenia, claims: [] }\n"))).isEqualTo(
                "story.yaml:17:31: benefits[0].claims: an empty list; give at least one item");
        assertThat(problem(with("benefits:\n  - { party: armenia, claims: ~ }\n"))).isEqualTo(
                "story.yaml:17:31: benefits[0].claims: an empty list; give at least one item");
    }

    @Test
    void partiesGivenAsNothingAreAnEmptyList() {
        assertThat(problem(replacing("  parties: [armenia, azerbaijan]", "  parties: ~"))).isEqualTo(
                "story.yaml:15:12: event.parties: an empty list; give at least one item");
    }

    @Test
    void theDatelineIsADeclaredEntity() {
        assertThat(problem(with("dateline: atlantis\n"))).isEqualTo(
                "story.yaml:16:11: dateline: unknown entity 'atlantis'; declare it under 'entities:' or use one of: armenia, azerbaijan, london");
    }

    /** Every problem {@code check} finds in {@code yaml}, as one-line messages in the order found. */
    private static java.util.List<String> problems(String yaml) {
        return new StoryLoader().check(StoryYaml.FILE, yaml).problems().stream().map(InvalidInputException::getMessage).toList();
    }

    /** check reports every validation problem, in the order build meets them; build stops at the first of them. */
    @Test
    void checkCollectsEveryProblemInOrder() {
        String yaml = replacing("kind: agreement", "kind: Agreement")
                .replace("  london: { kind: city }\n", "  london: ~\n")
                .replace("language: en }", "language: english, url: \"ftp://example.org\" }")
                + "dateline: atlantis\n";
        assertThat(problems(yaml)).containsExactly(
                "story.yaml:2:7: kind: 'Agreement' is not a valid story kind; use lower-case letters, digits and '-' (it names a template folder)",
                "story.yaml:10:11: entities.london: give the entity's kind, e.g. { kind: country }",
                "story.yaml:6:32: sources[0].language: 'english' is not a language tag; use a BCP 47 tag such as en, hy, az or ru",
                "story.yaml:6:46: sources[0].url: 'ftp://example.org' is not an http or https address; only those are linked",
                "story.yaml:16:11: dateline: unknown entity 'atlantis'; declare it under 'entities:' or use one of: armenia, azerbaijan, london");
        assertThat(problem(yaml)).isEqualTo(problems(yaml).get(0));
    }

    /** Fields with no value are reported, and the checks after them do not trip over the nothing they left. */
    @Test
    void checkGoesOnPastFieldsWithNoValue() {
        String yaml = replacing("id: test-story", "id: ~")
                .replace("kind: agreement", "kind: ~")
                .replace("  - { title: Source, language: en }", "  - { title: Source, language: ~, url: ~ }")
                + "terms:\n  - { claim: ~, within: { value: ~, unit: day } }\nsections:\n  - { id: ~, paragraphs: [[{ claim: ~ }]] }\n"
                + "keyFacts:\n  - { label: ~, value: { amount: 1, currency: ~ } }\n";
        assertThat(problems(yaml)).containsExactly(
                "story.yaml:1:5: id: 'id' has no value; give it one",
                "story.yaml:2:7: kind: 'kind' has no value; give it one",
                "story.yaml:6:32: sources[0].language: 'language' has no value; give it one",
                "story.yaml:21:14: keyFacts[0].label: 'label' has no value; give it one",
                "story.yaml:21:47: keyFacts[0].value.currency: 'currency' has no value; give it one",
                "story.yaml:17:14: terms[0].claim: 'claim' has no value; give it one",
                "story.yaml:17:34: terms[0].within.value: 'value' has no value; give it one",
                "story.yaml:19:11: sections[0].id: 'id' has no value; give it one",
                "story.yaml:19:37: sections[0].paragraphs[0][0].claim: 'claim' has no value; give it one");
    }

    /** An unknown entity carries the ids that exist, so check can say which one was meant. */
    @Test
    void anUnknownEntityCarriesTheKnownIds() {
        InvalidInputException problem = new StoryLoader().check(StoryYaml.FILE, with("dateline: londn\n")).problems().get(0);
        assertThat(problem).isInstanceOfSatisfying(UnknownNameException.class, unknown -> {
            assertThat(unknown.name()).isEqualTo("londn");
            assertThat(unknown.known()).containsExactly("armenia", "azerbaijan", "london");
        });
    }

    /** A valid story has no problems, and check hands back the story it read. */
    @Test
    void aValidStoryHasNoProblems() {
        CheckedStory checked = new StoryLoader().check(StoryYaml.FILE, StoryYaml.BASE);
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.source().story().id()).isEqualTo("test-story");
    }
}
