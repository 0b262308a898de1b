package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditionTest {
    private static final Instant AT = Instant.parse("2025-08-09T02:00:00Z");

    @Test
    void numbersStartAtOne() {
        assertThat(new Edition("morning", 1, AT, List.of(), false).number()).isEqualTo(1);
        assertThatThrownBy(() -> new Edition("morning", 0, AT, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start at 1: 0");
    }

    /** What a store records cannot change behind its back. */
    @Test
    void theStoriesAreACopyAndSealingKeepsTheRest() {
        List<String> stories = new ArrayList<>(List.of("peace-2025", "grain-corridor"));
        Edition edition = new Edition("morning", 7, AT, stories, false);
        stories.clear();
        assertThat(edition.stories()).containsExactly("peace-2025", "grain-corridor");
        assertThat(edition.withSealed()).isEqualTo(new Edition("morning", 7, AT, List.of("peace-2025", "grain-corridor"), true));
    }
}
