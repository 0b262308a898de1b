package dev.newsbrief.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;

/** The small records of the model: what an omitted optional part becomes, and the ids templates use. */
class ModelRecordsTest {
    private static final EntityRef ARMENIA = EntityRef.of("armenia");

    @Test
    void anEventWithOnlyItsKindAndDateHasEmptyRoles() {
        Event event = new Event(Event.Kind.CEASEFIRE, LocalDate.of(2024, 11, 27), null, null, null, null, null, null, null, null);
        assertThat(event.hosts()).isEmpty();
        assertThat(event.mediators()).isEmpty();
        assertThat(event.parties()).isEmpty();
        assertThat(event.signatories()).isEmpty();
        assertThat(event.details()).isEmpty();
        assertThat(event.kindId()).isEqualTo("ceasefire");
    }

    @Test
    void eventKindsAreWrittenInLowerCase() {
        assertThat(Arrays.stream(Event.Kind.values()).map(Event.Kind::id))
                .containsExactly("signing", "ceasefire", "announcement", "summit", "talks");
    }

    @Test
    void unitsAreCldrUnits() {
        assertThat(Quantity.Unit.KILOMETER.cldrId()).isEqualTo("kilometer");
        assertThat(Quantity.Unit.PERCENT.cldrId()).isEqualTo("percent");
    }

    @Test
    void anEntityReferencePrintsAsItsId() {
        assertThat(ARMENIA).hasToString("armenia");
        assertThat(String.valueOf(List.of(ARMENIA, EntityRef.of("azerbaijan")))).isEqualTo("[armenia, azerbaijan]");
    }

    @Test
    void aSectionWithoutParagraphsHasNone() {
        Section section = new Section("background", null);
        assertThat(section.paragraphs()).isEmpty();
        assertThat(section.headingKey()).isEqualTo("section.background");
        List<List<Claim>> paragraphs = new ArrayList<>();
        paragraphs.add(null);
        paragraphs.add(List.of(new Claim("talks", null)));
        assertThat(new Section("background", paragraphs).paragraphs()).containsExactly(List.of(), List.of(new Claim("talks", Map.of())));
    }

    @Test
    void aBenefitWithoutClaimsHasNone() {
        assertThat(new Benefit(ARMENIA, null).claims()).isEmpty();
    }

    @Test
    void aClaimWithoutArgumentsHasNoneAndKeepsTheirOrder() {
        assertThat(new Claim("talks", null).args()).isEmpty();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("z", ARMENIA);
        args.put("a", ARMENIA);
        Claim claim = new Claim("talks", args);
        args.put("m", ARMENIA);
        assertThat(claim.args().keySet()).containsExactly("z", "a");
        assertThatThrownBy(() -> claim.args().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aStorySourceReportsErrorsAtTheField() {
        StorySource source = new StoryLoader().loadSource("story.yaml", StoryYaml.BASE);
        InvalidInputException e = source.error("event.city", "no lexicon names 'london' in 'ru'");
        assertThat(e).hasMessage("story.yaml:14:9: event.city: no lexicon names 'london' in 'ru'");
        assertThat(source.file()).isEqualTo("story.yaml");
        assertThat(source.wording()).isEmpty();
        assertThat(YamlLocator.of(StoryYaml.BASE, new LoaderOptions()).find("event.city")).isEqualTo(new YamlLocator.Position(14, 9));
    }
}
