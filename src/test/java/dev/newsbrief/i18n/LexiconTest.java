package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexiconTest {
    private static final Origin SHARED_ARMENIA = new Origin("shared/lexicon.yaml", 12, 3);
    private static final Origin SHARED_AZERBAIJAN = new Origin("shared/lexicon.yaml", 13, 3);
    private static final Origin STORY_ARMENIA = new Origin("story/en.yaml", 4, 5);
    private static final Origin STORY_GEORGIA = new Origin("story/en.yaml", 5, 5);

    private final Lexicon shared = new Lexicon("shared/lexicon.yaml", List.of("nom", "label"),
            Map.of("armenia", Map.of("nom", "Armenia", "label", "Armenia", "gen", "Armenia’s"),
                    "azerbaijan", Map.of("nom", "Azerbaijan", "label", "Azerbaijan")),
            Map.of("armenia", SHARED_ARMENIA, "azerbaijan", SHARED_AZERBAIJAN),
            Map.of("titled", "{of_adj} {office_label} {self_CASE}", "role", "{office_label} of {of_nom}"),
            List.of("armenia", "azerbaijan"));

    private final Lexicon story = new Lexicon("story/en.yaml", List.of("label", "gender"),
            Map.of("armenia", Map.of("gen", "Armenia's (story)"),
                    "georgia", Map.of("nom", "Georgia", "label", "Georgia", "gender", "f")),
            Map.of("armenia", STORY_ARMENIA, "georgia", STORY_GEORGIA),
            Map.of("titled", "{self_CASE}, {office_nom} of {of_nom}"),
            List.of("azerbaijan", "georgia"));

    @Test
    void aFormIsFoundByEntryAndFormName() {
        assertThat(shared.form("armenia", "gen")).contains("Armenia’s");
        assertThat(shared.form("azerbaijan", "gen")).as("an entry without that form").isEmpty();
        assertThat(shared.form("georgia", "nom")).as("no such entry").isEmpty();
        assertThat(shared.has("armenia")).isTrue();
        assertThat(shared.has("georgia")).isFalse();
    }

    @Test
    void anEntryPointsAtWhereItWasWrittenAndAnUnknownOneAtTheFile() {
        assertThat(shared.origin("azerbaijan")).isEqualTo(SHARED_AZERBAIJAN);
        assertThat(shared.origin("georgia")).isEqualTo(new Origin("shared/lexicon.yaml", 0, 0));
    }

    @Test
    void mergeLaysTheOverlayOverEntriesFormByForm() {
        Lexicon merged = shared.merge(story);
        assertThat(merged.entries().get("armenia"))
                .as("the overlay's form replaces, the others stay")
                .containsExactlyInAnyOrderEntriesOf(Map.of("nom", "Armenia", "label", "Armenia", "gen", "Armenia's (story)"));
        assertThat(merged.entries().get("azerbaijan")).isEqualTo(Map.of("nom", "Azerbaijan", "label", "Azerbaijan"));
        assertThat(merged.form("georgia", "gender")).contains("f");
        assertThat(merged.file()).as("errors about the whole lexicon still name the shared file").isEqualTo("shared/lexicon.yaml");
    }

    @Test
    void mergeTakesTheOverlaysOriginsAndCompositionsNameByName() {
        Lexicon merged = shared.merge(story);
        assertThat(merged.origin("armenia")).isEqualTo(STORY_ARMENIA);
        assertThat(merged.origin("georgia")).isEqualTo(STORY_GEORGIA);
        assertThat(merged.origin("azerbaijan")).isEqualTo(SHARED_AZERBAIJAN);
        assertThat(merged.compositions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "titled", "{self_CASE}, {office_nom} of {of_nom}",
                "role", "{office_label} of {of_nom}"));
    }

    @Test
    void mergePutsTheOverlaysPrecedenceFirstAndRequiresTheFormsOfBoth() {
        Lexicon merged = shared.merge(story);
        assertThat(merged.precedence()).containsExactly("azerbaijan", "georgia", "armenia");
        assertThat(merged.required()).containsExactly("nom", "label", "gender");
    }

    @Test
    void orderedPutsTheEntitiesOfPrecedenceFirstInItsOrderAndKeepsTheRestAsGiven() {
        Lexicon az = new Lexicon("az.yaml", List.of(), Map.of(), Map.of(), Map.of(), List.of("azerbaijan", "aliyev"));
        assertThat(az.ordered(List.of("armenia", "pashinyan", "aliyev", "united-states", "azerbaijan"), id -> id))
                .containsExactly("azerbaijan", "aliyev", "armenia", "pashinyan", "united-states");
        assertThat(az.ordered(List.of("russia", "armenia"), id -> id)).as("no entity of precedence in the list").containsExactly("russia", "armenia");
        Lexicon en = new Lexicon("en.yaml", List.of(), Map.of(), Map.of(), Map.of(), List.of());
        assertThat(en.ordered(List.of("armenia", "azerbaijan"), id -> id)).containsExactly("armenia", "azerbaijan");
    }
}
