package dev.newsbrief.pdf;

import dev.newsbrief.testing.Plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the generated PDFs back with PDFBox: text, fonts, properties, outline. */
class PdfBriefTest {

    static PDDocument open(String relative) throws IOException {
        return Loader.loadPDF(Fixtures.fullBuild().resolve(relative).toFile());
    }

    static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    private static Path pdfOf(String tag) {
        return Path.of(tag, Fixtures.DEFAULT_ID + ".pdf");
    }

    /** The extracted text holds the headline, the signing date and the numbers 32 and 99, in the locale's script. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | Friday, August 8, 2025 | 32 kilometers | 99 years",
        "ru | Пятница, 8 августа 2025 г. | 32 километра | 99 лет",
        "az | 8 avqust 2025, cümə | 32 kilometr | 99 il",
        "hy | 2025 թ. օգոստոսի 8, ուրբաթ | 32 կիլոմետր | 99 տարի"})
    void textRoundTrips(String tag, String date, String length, String lease) throws IOException {
        Document html = Fixtures.defaultBrief(tag);
        try (PDDocument pdf = open(pdfOf(tag).toString())) {
            String text = text(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(html.selectFirst("h1").text(), date, length, lease);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void armenianLigatureAndLettersExtractAsThemselves(String tag) throws IOException {
        try (PDDocument pdf = open(pdfOf(tag).toString())) {
            String text = text(pdf);
            assertThat(text).doesNotContain("\uFFFD");
            switch (tag) {
                case "hy" -> assertThat(text).contains("Ալիև", "Նախիջևան", "և").contains("։");
                case "az" -> assertThat(text).contains("İlham Əliyev", "Ağ Ev", "VAŞİNQTON", "Türkiyə");
                case "ru" -> assertThat(text.replaceAll("\\s+", " ")).contains("«Тридцать пять лет они воевали, а теперь они друзья».");
                default -> assertThat(text.replaceAll("\\s+", " ")).contains("Thirty-five years they fought");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void fontsAreEmbeddedSubsets(String tag) throws IOException {
        try (PDDocument pdf = open(pdfOf(tag).toString())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).as("subset prefix").matches("[A-Z]{6}\\+NotoSerif.*");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void documentPropertiesAreSetPerLanguage(String tag) throws IOException {
        Document html = Fixtures.defaultBrief(tag);
        try (PDDocument pdf = open(pdfOf(tag).toString())) {
            var info = pdf.getDocumentInformation();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo(tag);
            assertThat(info.getTitle()).isEqualTo(Plain.text(html.selectFirst("h1").text()));
            assertThat(info.getAuthor()).isEqualTo("newsbrief");
            // Document properties are not typeset: the page's no-break spaces and hyphens are plain there.
            assertThat(info.getSubject()).isEqualTo(Plain.text(html.selectFirst(".standfirst").text()));
            assertThat(info.getKeywords()).isNotBlank();
            assertThat(info.getCreationDate().toInstant()).hasToString("2025-08-08T00:00:00Z");
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void outlineFollowsTheHeadings(String tag) throws IOException {
        Document html = Fixtures.defaultBrief(tag);
        try (PDDocument pdf = open(pdfOf(tag).toString())) {
            PDOutlineItem root = pdf.getDocumentCatalog().getDocumentOutline().getFirstChild();
            assertThat(root.getTitle()).isEqualTo(html.selectFirst("h1").text());
            List<String> children = new ArrayList<>();
            root.children().forEach(child -> children.add(child.getTitle()));
            assertThat(children).containsExactlyElementsOf(html.select("h2").eachText());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"en | Page 1 of | English", "ru | Страница 1 из | Русский", "hy | Էջ 1՝ | Հայերեն",
        "az | Səhifə 1 / | Azərbaycan dili"})
    void pagesCarryALocalizedFooterAndRunningHeader(String tag, String footer, String language) throws IOException {
        try (PDDocument pdf = open(pdfOf(tag).toString())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            // By position: the page counters are generated text, painted after the words around them.
            stripper.setSortByPosition(true);
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(pdf).replace('\u00A0', ' ');
            assertThat(second).contains(footer.replace(" 1", " 2"));
            // The running head names the publication and the language, not the headline.
            assertThat(second.lines().findFirst().orElseThrow()).isEqualTo("newsbrief · " + language);
        }
    }

    /** No page ends with a heading: the last line above the footer is never an h2 or h3. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void noHeadingIsStrandedAtAPageFoot(String tag) throws IOException {
        Document html = Fixtures.defaultBrief(tag);
        List<String> headings = html.select("h2, h3").eachText();
        try (PDDocument pdf = open(pdfOf(tag).toString())) {
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                List<String> lines = stripper.getText(pdf).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
                // The footer ("page X of Y") is the last line; the line above it is the end of the body.
                String lastBodyLine = lines.get(lines.size() - 2);
                assertThat(headings).as("page %d of %s ends with '%s'", page, tag, lastBodyLine).doesNotContain(lastBodyLine);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void packHasACoverAndOneBookmarkPerLanguage() throws IOException {
        try (PDDocument pdf = open("pack/" + Fixtures.DEFAULT_ID + ".pdf")) {
            List<String> languages = new ArrayList<>();
            pdf.getDocumentCatalog().getDocumentOutline().children().forEach(item -> languages.add(item.getTitle()));
            assertThat(languages).containsExactly("Azərbaycan dili", "English", "Հայերեն", "Русский");
            PDFTextStripper cover = new PDFTextStripper();
            cover.setEndPage(1);
            assertThat(Plain.text(cover.getText(pdf)).replaceAll("\\s+", " ")).contains("Հայերեն", "Azərbaycan dili", "Русский", "English",
                    "Армения и Азербайджан подписали мирное соглашение в Белом доме");
            String all = text(pdf).replaceAll("\\s+", " ");
            for (String tag : Fixtures.LANGUAGES) {
                assertThat(all).contains(Fixtures.defaultBrief(tag).selectFirst("h1").text());
            }
        }
    }
}
