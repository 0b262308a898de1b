package dev.newsbrief.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A language tag names a folder, a file and markup: BCP 47, written one way, and not a reserved name. */
class LanguageTagsTest {
    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru", "sr-Latn", "en-US", "zh-Hant-TW", "ast", "de-CH-1996"})
    void wellFormedTagsAreReturned(String tag) {
        assertThat(LanguageTags.check(tag, "--lang")).isEqualTo(tag);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "xx_YY!    | 'xx_YY!' is not a language tag; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "<b>       | '<b>' is not a language tag; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "en_US     | 'en_US' is not a BCP 47 tag; write 'en-US' (with '-', not '_')",
        "sr_latn   | 'sr_latn' is not a BCP 47 tag; write 'sr-Latn' (with '-', not '_')",
        ".hidden   | '.hidden' starts with '.', which names a hidden file, not a language; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "..        | '..' starts with '.', which names a hidden file, not a language; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "pack      | 'pack' is reserved: output/pack/ holds the multi-language packs; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "PACK      | 'PACK' is reserved: output/pack/ holds the multi-language packs; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "EN        | 'EN' is written differently from its BCP 47 form; write 'en'",
        "sr-latn   | 'sr-latn' is written differently from its BCP 47 form; write 'sr-Latn'",
        "english   | 'english' is not a language tag; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "x-private | 'x-private' is not a language tag; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "en/../x   | 'en/../x' is not a language tag; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "\"\"      | a language tag is empty; use a BCP 47 tag such as en, hy, az or sr-Latn"})
    void otherNamesAreRefusedSayingHowToWriteThem(String tag, String problem) {
        assertThatThrownBy(() -> LanguageTags.check(tag, "translations/" + tag))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage("translations/" + tag + ": " + problem);
    }
}
