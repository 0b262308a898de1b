package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.StoryLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The next edition's stories, number and date come from the folder and the editions so far: newest first, none sent twice. */
class EditionPlannerTest {
    private static final Path STORIES = Path.of("src/main/resources/stories");
    private static final String PEACE = "armenia-azerbaijan-peace-2025";
    private static final String TRADE = "india-uk-trade-agreement-2025";
    private static final String CEASEFIRE = "israel-lebanon-ceasefire-2024";

    private static Newsletter newsletter(Path folder, int max) {
        Newsletter sample = new NewsletterLoader().load(Path.of("newsletters/morning.yaml"));
        return new Newsletter(sample.name(), sample.file(), sample.list(), sample.web(), sample.unsubscribe(),
                new Newsletter.Stories(folder, max), sample.schedule(), sample.delivery(), sample.languages());
    }

    private static Map<String, EditionPlanner.Candidate> candidates(Path folder) {
        return EditionPlanner.candidates(newsletter(folder, 5), new StoryLoader());
    }

    private static Edition edition(int number, boolean sealed, String... stories) {
        return new Edition("morning", number, Instant.parse("2025-01-0" + number + "T06:00:00Z"), List.of(stories), sealed);
    }

    @Test
    void everyBundleAndStoryFileInTheFolderIsACandidate(@TempDir Path dir) throws IOException {
        assertThat(candidates(STORIES).keySet()).containsExactly(PEACE, TRADE, CEASEFIRE);
        assertThat(candidates(STORIES).get(TRADE).path()).isEqualTo(STORIES.resolve(TRADE));
        // A single story file counts; other files and folders without story.yaml do not.
        Files.copy(Path.of("src/test/resources/fixture/stories/valid-signing.yaml"), dir.resolve("signing.yaml"));
        Files.writeString(dir.resolve("notes.txt"), "not a story");
        Files.createDirectories(dir.resolve("drafts"));
        assertThat(candidates(dir)).hasSize(1);
        assertThat(candidates(dir).values().iterator().next().path()).isEqualTo(dir.resolve("signing.yaml"));
    }

    @Test
    void twoStoriesWithOneIdAreRefused(@TempDir Path dir) throws IOException {
        Files.copy(Path.of("src/test/resources/fixture/stories/valid-signing.yaml"), dir.resolve("a.yaml"));
        Files.copy(Path.of("src/test/resources/fixture/stories/valid-signing.yaml"), dir.resolve("b.yaml"));
        assertThatThrownBy(() -> candidates(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.resolve("b.yaml").toString()).hasMessageContaining("is also used by " + dir.resolve("a.yaml"));
    }

    @Test
    void aFolderThatCannotBeListedIsBadInput(@TempDir Path dir) {
        assertThatThrownBy(() -> candidates(dir.resolve("gone"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot list the newsletter's story folder");
    }

    @Test
    void theFirstEditionTakesTheNewestStoriesUpToTheMaximum() {
        Edition first = EditionPlanner.next(newsletter(STORIES, 2), List.of(), candidates(STORIES), Optional.empty()).orElseThrow();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.stories()).containsExactly(PEACE, TRADE);
        assertThat(first.sealed()).isFalse();
        assertThat(first.newsletter()).isEqualTo("morning");
        // Dated by the newest story's publication day, in its zone (Washington): never the clock.
        assertThat(first.at()).isEqualTo(Instant.parse("2025-08-08T04:00:00Z"));
    }

    @Test
    void storiesOfSealedEditionsAreNotTakenAgainButThoseOfAnOpenOneAre() {
        Newsletter newsletter = newsletter(STORIES, 5);
        Instant at = Instant.parse("2025-09-01T06:00:00Z");
        Edition next = EditionPlanner.next(newsletter, List.of(edition(1, true, PEACE), edition(2, false, TRADE)), candidates(STORIES),
                Optional.of(at)).orElseThrow();
        assertThat(next.number()).isEqualTo(3);
        assertThat(next.stories()).containsExactly(TRADE, CEASEFIRE);
        assertThat(next.at()).isEqualTo(at);
    }

    @Test
    void nothingNewIsNoEdition() {
        assertThat(EditionPlanner.next(newsletter(STORIES, 5), List.of(edition(1, true, PEACE, TRADE, CEASEFIRE)), candidates(STORIES),
                Optional.empty())).isEmpty();
    }

    @Test
    void storiesOfOneDayAreOrderedById(@TempDir Path dir) throws IOException {
        for (String name : List.of("b", "a")) {
            String story = Files.readString(Path.of("src/test/resources/fixture/stories/valid-signing.yaml"))
                    .replaceFirst("(?m)^id: .*$", "id: story-" + name);
            Files.writeString(dir.resolve(name + ".yaml"), story);
        }
        Edition first = EditionPlanner.next(newsletter(dir, 5), List.of(), candidates(dir), Optional.empty()).orElseThrow();
        assertThat(first.stories()).containsExactly("story-a", "story-b");
    }
}
