package dev.newsbrief.model;

import static dev.newsbrief.model.StoryYaml.load;
import static dev.newsbrief.model.StoryYaml.replacing;
import static dev.newsbrief.model.StoryYaml.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoryTest {
    private static final Story FULL = load(with("""
            headline: { claim: summit-held, args: { city: london } }
            standfirst: { claim: summit-standfirst }
            keyFacts:
              - { label: venue, value: london }
              - { label: mood, text: { claim: mood-calm } }
            terms:
              - { claim: border-talks, within: { value: 30, unit: day } }
              - { claim: trade-talks }
            sections:
              - id: background
                paragraphs:
                  - - { claim: old-war }
                    - { claim: new-talks }
            timeline:
              - { date: 2025-08-08, claim: summit }
              - { date: 2020, claim: war }
              - { date: 2023-09, claim: offensive }
              - { date: 2023, claim: exodus }
            benefits:
              - { party: armenia, claims: [ { claim: route-opens } ] }
            """));

    @Test
    void everyClaimInDocumentOrderWithItsPath() {
        assertThat(FULL.allClaims()).containsOnlyKeys(
                "headline", "standfirst", "keyFacts[1].text", "terms[0]", "terms[1]",
                "sections[0].paragraphs[0][0]", "sections[0].paragraphs[0][1]",
                "timeline[0]", "timeline[1]", "timeline[2]", "timeline[3]", "benefits[0].claims[0]");
        assertThat(FULL.allClaims().keySet()).startsWith("headline", "standfirst", "keyFacts[1].text", "terms[0]", "terms[1]");
        assertThat(FULL.allClaims().get("headline").args()).containsEntry("city", EntityRef.of("london"));
        assertThat(FULL.allClaims().get("terms[0]").claim()).isEqualTo("border-talks");
    }

    @Test
    void theMessageKeysTheStoryAsksFor() {
        assertThat(FULL.storyMessageKeys()).containsExactly(
                "claim.summit-held", "claim.summit-standfirst", "claim.mood-calm", "claim.border-talks", "claim.trade-talks",
                "claim.old-war", "claim.new-talks", "claim.summit", "claim.war", "claim.offensive", "claim.exodus", "claim.route-opens",
                "section.background", "fact.venue", "fact.mood");
    }

    @Test
    void theTimelineOldestFirst() {
        assertThat(FULL.chronology()).extracting(entry -> entry.date().toString())
                .containsExactly("2020", "2023", "2023-09", "2025-08-08");
        assertThat(FULL.timeline()).extracting(TimelineEntry::claim).containsExactly("summit", "war", "offensive", "exodus");
    }

    @Test
    void theDatelineIsItsOwnCityElseTheEventsElseNone() {
        String declared = "  london: { kind: city }\n  paris: { kind: city }\n";
        assertThat(load(replacing("  london: { kind: city }\n", declared) + "dateline: paris\n").datelineCity()).isEqualTo(EntityRef.of("paris"));
        assertThat(FULL.datelineCity()).isEqualTo(EntityRef.of("london"));
        assertThat(load(replacing("  city: london\n", "")).datelineCity()).isNull();
    }

    @Test
    void entitiesKnowTheirIds() {
        assertThat(FULL.entity(EntityRef.of("london"))).isEqualTo(new Entity("london", Entity.Kind.CITY, null, null));
        assertThatThrownBy(() -> FULL.entity(EntityRef.of("paris")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown entity 'paris' in story test-story");
    }

    @Test
    void aStoryWithoutOptionalPartsHasEmptyLists() {
        Story story = load(StoryYaml.BASE);
        assertThat(story.allClaims()).isEmpty();
        assertThat(story.storyMessageKeys()).isEmpty();
        assertThat(story.keyFacts()).isEmpty();
        assertThat(story.terms()).isEmpty();
        assertThat(story.people()).isEmpty();
    }
}
