package dev.newsbrief.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.limit.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}'s font coverage: every character a language's brief draws must be in one of that
 * language's PDF fonts (templates/pdf/fonts.yaml), one error per language and field, naming the
 * script and the font to add. The exact reports of broken projects are the {@code check/font-*}
 * fixtures ({@link CheckFixturesTest}); here, the fifth language and what the fixtures cannot show.
 */
class FontCheckTest {
    private static final Path GREEK = Fixtures.fixture("el");

    private static List<Problem> fontProblems(Path templates) {
        Project project = new Project(List.of(GREEK.resolve("stories/" + Fixtures.DEFAULT_ID)), templates,
                GREEK.resolve("translations"), Limits.DEFAULT);
        Problems problems = new Problems();
        new FontCheck().run(project, problems);
        return new Report(problems.list()).problems();
    }

    /** Vendored Noto Serif has Greek: the Greek fixture needs no font of its own. */
    @Test
    void greekIsDrawnByTheVendoredFonts() {
        assertThat(fontProblems(null)).isEmpty();
    }

    /** Greek given only Noto Serif Armenian: check names each Greek field and says to add a font that has Greek. */
    @Test
    void aLanguageWhoseFontsLackItsScriptIsToldWhichFontToAdd(@TempDir Path templates) throws IOException {
        Files.createDirectories(templates.resolve("pdf"));
        Files.writeString(templates.resolve("pdf/fonts.yaml"), """
                fonts:
                  - { family: Noto Serif, file: fonts/NotoSerif-Regular.ttf }
                  - { family: Noto Serif Armenian, file: fonts/NotoSerifArmenian-Regular.ttf }
                locales:
                  default: [Noto Serif, Noto Serif Armenian]
                  el: Noto Serif Armenian
                """, StandardCharsets.UTF_8);

        List<Problem> problems = fontProblems(templates);

        Path messages = GREEK.resolve("translations/el/messages.yaml");
        assertThat(problems).contains(Problem.error(messages.toString(), 9, 17, "meta.languageName",
                "el: character 'Ε' (U+0395, GREEK CAPITAL LETTER EPSILON) is not in the PDF font 'Noto Serif Armenian'",
                "add a font that has Greek to templates/pdf/fonts.yaml under locales: el (e.g. Noto Serif covers Latin, Greek, Cyrillic)"));
        assertThat(problems).extracting(Problem::message).allMatch(message -> message.startsWith("el: "));
        // Every field of the story's Greek wording and of the quotes' Greek translations is named once.
        assertThat(problems).extracting(Problem::field)
                .contains("claim.handshake", "entries.trump.nom", "quotes[0].translations.el", "entries.armenia.gen")
                .doesNotHaveDuplicates();
        // A message of nothing but arguments and spaces draws nothing itself: not reported.
        assertThat(problems).extracting(Problem::field).doesNotContain("brief.datelineDate", "benefits.party", "people.entry");
    }

    /** The same project checked three times gives the same report, line for line. */
    @Test
    void theReportIsTheSameOnEveryRun() throws IOException {
        Path fixture = Path.of("src/test/resources/check/font-story-fields");
        String first = CheckFixturesTest.check(fixture, List.of()).out();
        assertThat(first).endsWith("3 errors, 0 warnings\n");
        assertThat(CheckFixturesTest.check(fixture, List.of()).out()).isEqualTo(first);
        assertThat(CheckFixturesTest.check(fixture, List.of()).out()).isEqualTo(first);
    }

    @Test
    void aMessageDrawsItsLiteralTextNotItsArgumentNamesOrSelectors() {
        assertThat(FontCheck.literalText("{count, plural, one {# story} other {# stories}} in this edition: {headlines}"))
                .isEqualTo(" story stories in this edition: ");
        assertThat(FontCheck.literalText("Στις {date, date, ::MMMMd} {kind, select, f {εκείνη} other {εκείνος}}."))
                .isEqualTo("Στις  εκείνηεκείνος.");
        assertThat(FontCheck.literalText("it''s '{'literal'}'")).isEqualTo("it's {literal}");
    }

    @Test
    void theHintNamesTheScriptAndAFaceThatHasIt() {
        assertThat(FontCheck.hint("ka", 'ა')).isEqualTo(
                "add a font that has Georgian to templates/pdf/fonts.yaml under locales: ka (e.g. Noto Serif Georgian or Noto Sans Georgian)");
        assertThat(FontCheck.hint("en", '★'))
                .isEqualTo("add a font that has this character to templates/pdf/fonts.yaml under locales: en, or remove it");
        assertThat(FontCheck.hint("zh", '中')).endsWith("(e.g. Noto Serif CJK)");
    }

    /** With no story named, the embedded default story's own texts (its quotes' translations) are drawn too. */
    @Test
    void theEmbeddedStorysQuotesAreCheckedWhenNoStoryIsNamed(@TempDir Path templates) throws IOException {
        Files.createDirectories(templates.resolve("pdf"));
        Files.writeString(templates.resolve("pdf/fonts.yaml"), """
                fonts:
                  - { family: Noto Serif, file: fonts/NotoSerif-Regular.ttf }
                  - { family: Noto Serif Armenian, file: fonts/NotoSerifArmenian-Regular.ttf }
                locales:
                  default: [Noto Serif, Noto Serif Armenian]
                  hy: Noto Serif
                """, StandardCharsets.UTF_8);
        Problems problems = new Problems();
        new FontCheck().run(new Project(List.of(), templates, null, Limits.DEFAULT), problems);
        assertThat(problems.list()).filteredOn(problem -> problem.field().startsWith("quotes["))
                .isNotEmpty()
                .allSatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("(embedded) stories/armenia-azerbaijan-peace-2025/story.yaml");
                    assertThat(problem.field()).endsWith(".translations.hy");
                });
    }

    /** A code point Unicode has not assigned has no name: only its number is shown. */
    @Test
    void anUnassignedCharacterIsDescribedByItsNumberAlone() {
        assertThat(FontCheck.describe(0x0378)).isEqualTo("U+0378");
        assertThat(FontCheck.describe(0x03A9)).isEqualTo("U+03A9, GREEK CAPITAL LETTER OMEGA");
    }

    /** A combining mark or an unassigned character belongs to no script a font could be named for. */
    @Test
    void aCharacterOfNoScriptIsToldToFindAFontThatHasIt() {
        String anyFont = "add a font that has this character to templates/pdf/fonts.yaml under locales: en, or remove it";
        assertThat(FontCheck.hint("en", 0x0301)).isEqualTo(anyFont);
        assertThat(FontCheck.hint("en", 0x0378)).isEqualTo(anyFont);
        assertThat(FontCheck.hint("en", '★')).isEqualTo(anyFont);
    }

    /** A pattern ICU cannot parse is drawn as it is written (TranslationCheck reports the syntax). */
    @Test
    void anUnparsablePatternIsDrawnWhole() {
        assertThat(FontCheck.literalText("{broken ★")).isEqualTo("{broken ★");
    }
}
