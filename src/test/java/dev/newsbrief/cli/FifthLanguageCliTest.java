package dev.newsbrief.cli;

import static dev.newsbrief.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.testing.Cli.Run;
import org.junit.jupiter.api.Test;

/** The Greek fixture language (translations by files only) is checked and counted like the four shipped ones. */
class FifthLanguageCliTest {
    private static final String STORY = Fixtures.fixture("el/stories/" + Fixtures.DEFAULT_ID).toString();
    private static final String TRANSLATIONS = Fixtures.fixture("el/translations").toString();

    @Test
    void checkFindsNothingWrongWithTheGreekFiles() {
        Run run = run("check", STORY, "--translations", TRANSLATIONS);
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).isEqualTo("no problems found\n");
    }

    @Test
    void checkSeesTheGreekFilesAtAll() {
        // The same story without the Greek translations: its el.yaml names a language that does not exist.
        Run run = run("check", STORY);
        assertThat(run.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.out()).contains("el.yaml: error: no language 'el' under translations/");
    }

    @Test
    void theCoverageTableHasARowForGreekWithNothingMissing() {
        Run run = run("translations", "--translations", TRANSLATIONS, STORY);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^el +\\d+ +0 ");
    }
}
