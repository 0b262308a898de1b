package dev.newsbrief.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PageMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bookmarks are each PDF's table of contents, shown when the file opens. */
class PdfOutlineViewTest {

    @ParameterizedTest
    @ValueSource(strings = {"en/", "hy/", "az/", "ru/", "pack/"})
    void everyPdfOpensWithItsBookmarksShown(String folder) throws IOException {
        Path file = Fixtures.fullBuild().resolve(folder + Fixtures.DEFAULT_ID + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getDocumentCatalog().getPageMode()).isEqualTo(PageMode.USE_OUTLINES);
            assertThat(pdf.getDocumentCatalog().getDocumentOutline().children()).isNotEmpty();
        }
    }
}
