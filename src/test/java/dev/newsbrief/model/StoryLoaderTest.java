package dev.newsbrief.model;

import static dev.newsbrief.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.build.Builder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryLoaderTest {
    private final StoryLoader loader = new StoryLoader();

    private Story defaultStory() {
        return loader.load("default.yaml", Builder.embeddedDefaultStory());
    }

    @Test
    void defaultStoryHoldsTheFactsAsTypedValues() {
        Story story = defaultStory();
        assertThat(story.id()).isEqualTo("armenia-azerbaijan-peace-2025");
        assertThat(story.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(story.signing().date()).isEqualTo(LocalDate.of(2025, 8, 8));
        assertThat(story.signing().date().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(story.signing().host()).isEqualTo(EntityRef.of("trump"));
        assertThat(story.signing().signatories()).containsExactly(EntityRef.of("aliyev"), EntityRef.of("pashinyan"));
        assertThat(story.entity(EntityRef.of("aliyev")).office()).isEqualTo("president");
        assertThat(story.entity(EntityRef.of("pashinyan")).of()).isEqualTo(EntityRef.of("armenia"));
        assertThat(story.corridor().length()).isEqualTo(new Quantity(new BigDecimal("32"), Quantity.Unit.KILOMETER));
        assertThat(story.corridor().lease()).isEqualTo(new Quantity(new BigDecimal("99"), Quantity.Unit.YEAR));
        assertThat(story.corridor().firmsAtLeast()).isEqualTo(9);
        assertThat(story.corridor().talksBegin()).isEqualTo(new RelativeTime(RelativeTime.Direction.NEXT, RelativeTime.Unit.WEEK));
        assertThat(story.conflict().wars()).containsExactly(Year.of(2020), Year.of(2023));
        assertThat(story.conflict().durationAtLeast()).isEqualTo(new Quantity(new BigDecimal("3"), Quantity.Unit.DECADE));
        assertThat(story.context().invasion().year()).isEqualTo(Year.of(2022));
        assertThat(story.benefits()).extracting(b -> b.party().id()).containsExactly("armenia", "azerbaijan", "united-states");
        assertThat(story.quotes()).hasSize(4).allSatisfy(quote -> assertThat(quote.translations()).containsKeys("hy", "az", "ru"));
        assertThat(story.people()).extracting(EntityRef::id).containsExactly("trump", "aliyev", "pashinyan");
    }

    @Test
    void claimArgumentsAreTypedByShape() {
        Claim normalisation = defaultStory().benefits().get(0).claims().get(0);
        assertThat(normalisation.messageKey()).isEqualTo("claim.normalisation");
        assertThat(normalisation.args().get("partners")).isEqualTo(List.of(EntityRef.of("azerbaijan"), EntityRef.of("united-states")));
    }

    @Test
    void modelIsImmutable() {
        Story story = defaultStory();
        assertThatThrownBy(() -> story.quotes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> story.entities().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> story.signing().parties().add(EntityRef.of("x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    /** An unknown entity reference names the file, the line of the value and the field path. */
    @Test
    void unknownEntityIsReportedWithFileLineAndField() {
        assertThatThrownBy(() -> loader.load(fixture("bad/unknown-entity.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    InvalidInputException error = (InvalidInputException) e;
                    assertThat(error.file()).endsWith("unknown-entity.yaml");
                    assertThat(error.line()).isEqualTo(13);
                    assertThat(error.field()).isEqualTo("signing.host");
                })
                .hasMessageContaining("unknown-entity.yaml:13:9: signing.host: unknown entity 'trum'")
                .hasMessageContaining("declare it under 'entities:'");
    }

    @Test
    void missingRequiredFieldNamesTheFieldAndItsParent() {
        assertThatThrownBy(() -> loader.load(fixture("bad/missing-field.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing-field.yaml:9:")
                .hasMessageContaining("signing.venue: required field 'venue' is missing in 'signing'");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        assertThatThrownBy(() -> loader.load(fixture("bad/wrong-type.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("wrong-type.yaml:3:")
                .hasMessageContaining("published: 'last friday' is not a valid date (YYYY-MM-DD)");
    }

    @Test
    void unknownUnitListsTheKnownOnes() {
        assertThatThrownBy(() -> loader.load(fixture("bad/bad-quantity.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad-quantity.yaml:17:")
                .hasMessageContaining("conflict.durationAtLeast.unit: 'lightyear' is not a valid Unit")
                .hasMessageContaining("kilometer");
    }

    @Test
    void misspelledFieldIsRejectedWithTheKnownFields() {
        assertThatThrownBy(() -> loader.load(fixture("bad/unknown-field.yaml")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown-field.yaml:12:")
                .hasMessageContaining("signing.hostt: unknown field 'hostt'")
                .hasMessageContaining("host");
    }

    @Test
    void storyIdMustBeSafeForFileNames() {
        String yaml = Builder.embeddedDefaultStory().replace("id: armenia-azerbaijan-peace-2025", "id: ../../etc/passwd");
        assertThatThrownBy(() -> loader.load("traversal.yaml", yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("traversal.yaml:7:")
                .hasMessageContaining("id: '../../etc/passwd' is not a valid story id");
    }

    @Test
    void personWithoutOfficeIsRejected() {
        String yaml = Builder.embeddedDefaultStory().replace("trump:    { kind: person, office: president, of: united-states }", "trump:    { kind: person }");
        assertThatThrownBy(() -> loader.load("person.yaml", yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("entities.trump: a person needs 'office'");
    }

    @Test
    void malformedLanguageTagIsRejected() {
        String yaml = Builder.embeddedDefaultStory().replaceFirst("    language: en\n    text: \"Thirty", "    language: english-please\n    text: \"Thirty");
        assertThatThrownBy(() -> loader.load("lang.yaml", yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("quotes[0].language: 'english-please' is not a language tag");
    }

    @Test
    void duplicateKeysAreRejected() {
        String yaml = Builder.embeddedDefaultStory().replace("published: 2025-08-08", "published: 2025-08-08\npublished: 2025-08-09");
        assertThatThrownBy(() -> loader.load("dup.yaml", yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dup.yaml:")
                .hasMessageContaining("published");
    }

    @Test
    void emptyFileSaysWhatAStoryNeeds() {
        assertThatThrownBy(() -> loader.load("empty.yaml", ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty.yaml")
                .hasMessageContaining("signing");
    }
}
