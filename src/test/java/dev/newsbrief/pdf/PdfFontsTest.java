package dev.newsbrief.pdf;

import static dev.newsbrief.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.resource.ResourceSet;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every mistake in fonts.yaml is one clean error with file, line and column — never a ClassCastException or NPE. */
class PdfFontsTest {
    private static final String SHAPE = "a mapping with 'fonts:' (a list of {family: …, file: …}) "
            + "and 'locales:' (language tags, and 'default', each mapped to a family or a list of families in fallback order)";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "fonts-empty           | 1:1: the file is empty; expected " + SHAPE,
        "fonts-number          | 2:8: fonts: expected a list of {family: …, file: …}",
        "fonts-not-a-mapping   | 2:1: expected " + SHAPE + ", found a list",
        "fonts-fallback-list   | 6:22: locales.hy[1]: family 'Noto Sans Armenian' has no font file under 'fonts:'",
        "fonts-missing-file    | 3:30: fonts[0].file: font file 'pdf/fonts/Missing.ttf' is neither a classpath resource nor a file in the templates directory",
        "fonts-not-a-font      | 3:27: fonts[0].file: 'pdf/fonts/Fake.ttf' is not a TrueType or OpenType font (.ttf, .otf)",
        "fonts-duplicate-key   | 6:1: duplicate key 'locales'; each key may appear once",
        "fonts-recursive-alias | 4:5: the alias *fonts is inside the collection &fonts it refers to (a recursive alias); write the values out instead",
        "fonts-bad-tag         | 6:3: locales.en_US: 'en_US' is not a BCP 47 tag; write 'en-US' (with '-', not '_')",
        "fonts-old-shape       | 5:12: locales.default: expected a family, or a list of families in fallback order (e.g. [Noto Serif, Noto Serif Armenian]), found a mapping"})
    void aBadFontsFileIsOneCleanError(String templates, String expected) {
        Path dir = fixture("hostile-inputs/" + templates);
        assertThatThrownBy(() -> PdfFonts.load(new ResourceSet("templates", dir)))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("pdf/fonts.yaml") + ":" + expected);
    }

    @Test
    void everyLanguageGetsTheEmbeddedFallbackList() {
        PdfFonts fonts = PdfFonts.load(new ResourceSet("templates", null));
        assertThat(fonts.families("hy")).containsExactly("Noto Serif", "Noto Serif Armenian");
        assertThat(fonts.families("ru")).containsExactly("Noto Serif", "Noto Serif Armenian");
    }

    @Test
    void eachCharacterFallsBackToTheFirstFamilyThatDrawsIt() {
        PdfFonts fonts = PdfFonts.load(new ResourceSet("templates", null));
        var list = fonts.families("hy");
        assertThat(fonts.familyFor('Ա', list)).isEqualTo("Noto Serif Armenian");
        assertThat(fonts.familyFor('ə', list)).isEqualTo("Noto Serif");
        assertThat(fonts.familyFor('8', list)).as("Noto Serif Armenian has no digits").isEqualTo("Noto Serif");
        assertThat(fonts.familyFor(0x1F54A, list)).isNull();
        assertThat(fonts.firstMissing("ԱՄՆ-ի 8 օգոստոսի 🕊 ə", list)).isEqualTo(0x1F54A);
        assertThat(fonts.firstMissing("ԱՄՆ-ի 8 օգոստոսի ə", list)).isEqualTo(-1);
    }
}
