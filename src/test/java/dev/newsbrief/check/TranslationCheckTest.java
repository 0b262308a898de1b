package dev.newsbrief.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.limit.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationCheckTest {
    private static Report check(Path translations) {
        return new Checker(List.of(new TranslationCheck())).check(new Project(List.of(), null, translations, Limits.DEFAULT));
    }

    private static Path write(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theEmbeddedTranslationsHaveNoProblem() {
        assertThat(check(null).text()).isEqualTo("no problems found\n");
    }

    @Test
    void everyBrokenMessageOfAFileIsReportedNotOnlyTheFirst(@TempDir Path dir) throws IOException {
        Path file = write(dir, "ru/messages.yaml", "label:\n  published: \"{a,, b}\"\n  sources: \"{count, plural, one {x} other {y}}\"\n"
                + "  languages: \"{x\"\n  extra: Лишнее\n");
        Report report = check(dir);
        assertThat(report.problems()).extracting(Problem::format).containsExactly(
                file + ":2:16: error: label.published: not a valid ICU MessageFormat pattern: Bad argument syntax: \"a,, b}\""
                        + " (check the braces and the commas of {argument, type, …})",
                file + ":3:12: error: label.sources: {count, plural} has no few, many; 'ru' needs one, few, many, other (add few {…}, many {…})",
                file + ":4:14: error: label.languages: not a valid ICU MessageFormat pattern: Unmatched '{' braces in message \"{x\""
                        + " (check the braces and the commas of {argument, type, …})",
                file + ":5:10: warning: label.extra: not in en: nothing uses it");
    }

    @Test
    void aLanguageMayUseOtherFormsOfEnsArgumentsButNotOthers(@TempDir Path dir) throws IOException {
        write(dir, "ru/messages.yaml", "headline:\n  summit: \"{parties_nom} на саммите в {city_pre}\"\n");
        assertThat(check(dir).problems()).isEmpty();
        Path file = write(dir, "ru/messages.yaml", "headline:\n  summit: \"{sides} на саммите в {city_pre}\"\n");
        assertThat(check(dir).problems()).extracting(Problem::format).containsExactly(
                file + ":2:11: error: headline.summit: uses {sides}; en uses {parties} (name the arguments as en does)");
    }

    @Test
    void aLexiconEntryOfAnOverrideMayAddFormsToAnEmbeddedOne(@TempDir Path dir) throws IOException {
        write(dir, "ru/lexicon.yaml", "entries:\n  armenia: { short: РА }\n");
        assertThat(check(dir).problems()).isEmpty();
    }
}
