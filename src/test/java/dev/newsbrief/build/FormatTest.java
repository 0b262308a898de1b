package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void eachFormatNamesItsFileAndItsId() {
        assertThat(Format.HTML.path("peace-2025", "hy")).isEqualTo("hy/peace-2025.html");
        assertThat(Format.PDF.path("peace-2025", "ru")).isEqualTo("ru/peace-2025.pdf");
        assertThat(Format.PACK.path("peace-2025", "mul")).isEqualTo("pack/peace-2025.pdf");
        assertThat(Format.values()).extracting(Format::id).containsExactly("html", "pdf", "pack");
        assertThat(Format.values()).extracting(Format::extension).containsExactly("html", "pdf", "pdf");
    }

    @Test
    void onlyThePackHoldsEveryLanguage() {
        assertThat(Format.values()).extracting(Format::allLanguages).containsExactly(false, false, true);
    }

    @Test
    void aBuildWritesEveryFormatUnlessToldOtherwise() {
        assertThat(Format.defaults()).containsExactly(Format.HTML, Format.PDF, Format.PACK);
    }
}
