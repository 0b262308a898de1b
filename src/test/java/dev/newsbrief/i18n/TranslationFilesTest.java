package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class TranslationFilesTest {
    private static String formatted(InvalidInputException e) {
        return e.line() + ":" + e.column() + " " + e.field() + ": " + e.problem();
    }

    @Test
    void aKeyWrittenDottedAndNestedIsWrittenTwice() {
        String text = "label.published: A\nlabel:\n  sources: B\n  published: C\n";
        assertThat(TranslationFiles.duplicates("m.yaml", text)).extracting(TranslationFilesTest::formatted)
                .containsExactly("4:3 label.published: written twice (first at line 1), once as a dotted key and once nested; keep one of them");
        assertThat(TranslationFiles.dottedDuplicates("m.yaml", text)).hasSize(1);
    }

    @Test
    void everyKeyWrittenTwiceInOneMappingIsReportedWithTheFirstLine() {
        String text = "a: 1\nb: 2\na: 3\nc:\n  d: 4\n  d: 5\n";
        assertThat(TranslationFiles.duplicates("m.yaml", text)).extracting(TranslationFilesTest::formatted).containsExactly(
                "3:1 a: duplicate key 'a'; each key may appear once (first at line 1)",
                "6:3 c.d: duplicate key 'd'; each key may appear once (first at line 5)");
        assertThat(TranslationFiles.dottedDuplicates("m.yaml", text)).isEmpty();
    }

    @Test
    void mappingsInAListDoNotShareKeys() {
        String text = "rules:\n  - pattern: a\n    replace: b\n  - pattern: c\n    replace: d\n";
        assertThat(TranslationFiles.duplicates("t.yaml", text)).isEmpty();
    }

    @Test
    void theRestOfAFileWithADuplicateIsStillRead() {
        TranslationFiles.Messages file = TranslationFiles.messages("m.yaml", "a: 1\na: 2\nb: \"{x\"\n", Limits.DEFAULT);
        assertThat(file.problems()).extracting(TranslationFilesTest::formatted)
                .containsExactly("2:1 a: duplicate key 'a'; each key may appear once (first at line 1)");
        assertThat(file.messages()).extracting(TranslationFiles.Message::key).containsExactly("a", "b");
        assertThat(file.messages().get(0).pattern()).isEqualTo("1");
    }

    @Test
    void anIndexInAPatternIsPlacedOnItsLineAndColumn() {
        String text = "x:\n  plain: ab {c,, d}\n  quoted: \"Ա {c,, d}\"\n  escaped: \"\\u0041 {c,, d}\"\n";
        TranslationFiles.Messages file = TranslationFiles.messages("m.yaml", text, Limits.DEFAULT);
        assertThat(file.at(file.messages().get(0), 3)).isEqualTo(new Origin("m.yaml", 2, 13));
        assertThat(file.at(file.messages().get(1), 2)).isEqualTo(new Origin("m.yaml", 3, 14));
        // An escape before the index: the value's start, not a wrong column.
        assertThat(file.at(file.messages().get(2), 2)).isEqualTo(new Origin("m.yaml", 4, 12));
    }

    @Test
    void aSyntaxErrorIsOneProblemWithItsPosition() {
        TranslationFiles.Messages file = TranslationFiles.messages("m.yaml", "a: [b\nc: d\n", Limits.DEFAULT);
        assertThat(file.problems()).hasSize(1);
        assertThat(file.problems().get(0).line()).isEqualTo(2);
        assertThat(file.messages()).isEmpty();
    }

    @Test
    void aLexiconIsReadEntryByEntryWithItsPositions() {
        String text = "required: [nom, gen]\ncompose:\n  titled: \"{office_CASE} {self_CASE}\"\nentries:\n"
                + "  armenia: { nom: Армения }\n  bad: [x]\n  iran: { nom: Иран, gen: Ирана }\n";
        TranslationFiles.LexiconFile lexicon = TranslationFiles.lexicon("l.yaml", text, Limits.DEFAULT);
        assertThat(lexicon.required()).containsExactly("nom", "gen");
        assertThat(lexicon.compositions()).containsOnlyKeys("titled");
        assertThat(lexicon.entries()).extracting(TranslationFiles.Entry::id).containsExactly("armenia", "iran");
        assertThat(lexicon.entries().get(1).origin()).isEqualTo(new Origin("l.yaml", 7, 3));
        assertThat(lexicon.problems()).extracting(TranslationFilesTest::formatted)
                .containsExactly("6:8 entries.bad: expected a mapping of form names to text, e.g. { nom: …, gen: … }");
    }
}
