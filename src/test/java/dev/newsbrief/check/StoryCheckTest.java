package dev.newsbrief.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the fixture catalogue cannot say about checking stories; each through the real CLI. */
class StoryCheckTest {
    private static final Path SHIPPED = Path.of("src/main/resources/stories");

    /** {@code newsbrief check} with no story checks the embedded default story, which has nothing wrong. */
    @Test
    void theEmbeddedDefaultStoryHasNoProblems() throws IOException {
        CheckFixturesTest.Run run = CheckFixturesTest.check(Path.of("does-not-exist"), List.of());
        assertThat(run.out()).isEqualTo("no problems found\n");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    /** The stories the repository ships build, so check finds no error in them (a warning may say an argument is unused). */
    @Test
    void theShippedStoriesHaveNoErrors() throws IOException {
        CheckFixturesTest.Run run = CheckFixturesTest.check(Path.of("does-not-exist"), List.of(
                SHIPPED.resolve("armenia-azerbaijan-peace-2025").toString(),
                SHIPPED.resolve("israel-lebanon-ceasefire-2024").toString(),
                SHIPPED.resolve("india-uk-trade-agreement-2025").toString()));
        assertThat(run.out()).doesNotContain(": error: ").endsWith("0 errors, 2 warnings\n");
        assertThat(run.exitCode()).isZero();
    }

    /** Every story named is checked, even after one that could not be read at all. */
    @Test
    void aStoryThatCannotBeReadDoesNotHideTheNext(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        java.nio.file.Files.writeString(broken, "id: [unclosed\n");
        Path badKind = dir.resolve("bad-kind.yaml");
        java.nio.file.Files.writeString(badKind, java.nio.file.Files.readString(
                CheckFixturesTest.ROOT.resolve("story-single-file-wording/stories/summit.yaml")).replace("kind: agreement", "kind: Agreement"));
        CheckFixturesTest.Run run = CheckFixturesTest.check(dir, List.of(broken.toString(), badKind.toString()));
        assertThat(run.out().lines().toList()).hasSize(4)
                .anySatisfy(line -> assertThat(line).startsWith("bad-kind.yaml:3:7: error: kind: 'Agreement' is not a valid story kind"))
                .anySatisfy(line -> assertThat(line).startsWith("bad-kind.yaml:20:16: error: event.details[0].claim: no language has a message"))
                .anySatisfy(line -> assertThat(line).startsWith("broken.yaml:2:1: error: "))
                .last().isEqualTo("3 errors, 0 warnings");
        assertThat(run.exitCode()).isEqualTo(3);
    }

    /** With no story named, the embedded story is checked against every language, a fifth one too. */
    @Test
    void theEmbeddedStoryIsCheckedAgainstAnAddedLanguage(@TempDir Path dir) throws IOException {
        Path translations = dir.resolve("translations");
        java.nio.file.Files.createDirectories(translations.resolve("el"));
        java.nio.file.Files.writeString(translations.resolve("el/messages.yaml"), "meta:\n  languageName: Ελληνικά\n");
        java.nio.file.Files.writeString(translations.resolve("el/lexicon.yaml"), "required: [nom]\nentries:\n  armenia: { nom: Αρμενία }\n");
        Problems problems = new Problems();
        new StoryCheck().run(new Project(List.of(), null, translations, dev.newsbrief.limit.Limits.DEFAULT), problems);
        assertThat(problems.list()).extracting(Problem::format)
                .anySatisfy(line -> assertThat(line).startsWith("(embedded) stories/armenia-azerbaijan-peace-2025/story.yaml:")
                        .contains(": error: entities.azerbaijan: no name for 'azerbaijan' in language 'el'"))
                .noneSatisfy(line -> assertThat(line).contains("entities.armenia:"));
    }
}
