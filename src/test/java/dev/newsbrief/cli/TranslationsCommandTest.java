package dev.newsbrief.cli;

import dev.newsbrief.Fixtures;
import static dev.newsbrief.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.testing.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code newsbrief translations} over src/test/resources/fixture/coverage/translations: an en override
 * adding {@code label.updated} (missing everywhere, used nowhere) and changing {@code section.terms};
 * a Greek language by files with two locked keys (one stale), one unreviewed and one unused key.
 */
class TranslationsCommandTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixture/coverage/translations");

    /** The table counts present, missing, unused, stale and unreviewed keys per language, aligned. */
    @Test
    void tableCountsEveryColumnPerLanguage() {
        Run run = run("translations", "--translations", FIXTURE.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("""
                language     present  missing  unused  stale  unreviewed
                en (source)       82        -       2      -           -
                az                81        1       1      1           0
                el                 4       79       1      1           1
                hy                81        1       1      1           0
                ru                81        1       1      1           0
                """);
        // The shipped languages' source.lock.yaml records the English they were translated from:
        // the override's new English for section.terms makes their translation of it stale.
        assertThat(run.out()).contains("""

                ru stale (1):
                  section.terms
                """);
        assertThat(run.out()).contains("""

                el stale (1):
                  section.terms
                """).contains("""

                el unused (1):
                  label.retired
                """).contains("""

                en unused (2):
                  label.published
                  label.updated
                """);
    }

    /** JSON lists the keys themselves, for CI. */
    @Test
    void jsonListsTheKeys() throws Exception {
        Run run = run("translations", "--translations", FIXTURE.toString(), "--format", "json");

        JsonNode el = null;
        for (JsonNode language : new ObjectMapper().readTree(run.out()).get("languages")) {
            if (language.get("tag").asText().equals("el")) {
                el = language;
            }
        }
        assertThat(el).isNotNull();
        assertThat(el.get("present").asInt()).isEqualTo(4);
        assertThat(el.get("stale").toString()).isEqualTo("[\"section.terms\"]");
        assertThat(el.get("unreviewed").toString()).isEqualTo("[\"label.skipToContent\"]");
        assertThat(el.get("missing")).hasSize(79);
    }

    /**
     * The --missing file is valid YAML holding every missing and stale key, empty; filled in and merged it
     * completes the language, and --accept then clears stale and unreviewed.
     */
    @Test
    void missingFileFilledInAndAcceptedCompletesTheLanguage(@TempDir Path dir) throws Exception {
        Path translations = dir.resolve("translations");
        Fixtures.copyTree(FIXTURE, translations);
        Path export = dir.resolve("el-todo.yaml");

        Run exported = run("translations", "--translations", translations.toString(), "--missing", "el", "-o", export.toString());

        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(exported.out()).isEqualTo("wrote " + export + " (79 missing, 1 stale)\n");
        String text = Files.readString(export);
        Map<String, Object> loaded = new Yaml().load(text);
        assertThat(loaded).hasSize(80).containsEntry("section.terms", "").containsEntry("label.updated", "");
        assertThat(text).contains("""
                # STALE: the English changed since this was translated. Now: Τι συμφωνήθηκε
                # en: What the sides agreed
                # example: What the sides agreed
                "section.terms": ""
                """);
        assertThat(text).contains("""
                # en: Updated {count, plural, one {# time} other {# times}}
                # arguments:
                #   {count}: a number; the branch is chosen by the language's plural rules (one, few, many, other…)
                # example: Updated 3 times   (sample values)
                "label.updated": ""
                """);
        // A key the default story's event gives values for is shown with them.
        assertThat(text).contains("# example: Armenia and Azerbaijan sign peace agreement at the White House   "
                + "(the story armenia-azerbaijan-peace-2025)\n\"headline.signing\": \"\"");

        // The translator fills in every value; the file is merged into el's messages.
        String filled = text.replace(": \"\"", ": \"Ελληνικά\"");
        Path messages = translations.resolve("el/messages.yaml");
        // The stale key is retranslated: its old wording goes (a key written twice is refused).
        String current = Files.readString(messages).replace("  terms: Τι συμφωνήθηκε\n", "");
        Files.writeString(messages, current + "\n" + filled);
        assertThat(run("translations", "--translations", translations.toString()).out())
                .contains("el                83        0       3      1          80\n");

        Run accepted = run("translations", "--translations", translations.toString(), "--accept", "el");

        assertThat(accepted.code()).as(accepted.err()).isZero();
        assertThat(run("translations", "--translations", translations.toString()).out())
                .contains("el                83        0       3      0           0\n");
    }

    /** --accept writes into the user's folder, so it needs one; a wrong tag is a usage error. */
    @Test
    void acceptWithoutTranslationsFolderIsAUsageError() {
        Run noFolder = run("translations", "--accept", "ru");
        Run unknown = run("translations", "--translations", FIXTURE.toString(), "--missing", "xx");

        assertThat(noFolder.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noFolder.err()).contains("--accept needs --translations DIR: the record is written to DIR/ru/source.lock.yaml");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("--missing xx: not a translated language; choose one of [az, el, hy, ru]");
    }
}
