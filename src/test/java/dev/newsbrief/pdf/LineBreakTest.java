package dev.newsbrief.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.render.TypesetMarkup;
import dev.newsbrief.resource.ResourceSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpdf.pdf.ITextRenderer;

/**
 * Lines as they are set in the PDFs: no Russian line ends on a one-letter word, no Armenian line
 * ends on the hyphen of ԱՄՆ-ի; and the characters that keep them (no-break space U+00A0,
 * non-breaking hyphen U+2011) are in the HTML too.
 */
class LineBreakTest {
    /** A one-letter Russian word (preposition, conjunction, particle) standing alone at a line end. */
    private static final Pattern RUSSIAN_ORPHAN = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}\\-.])[авиксоуяАВИКСОУЯ]$");
    /** A line ending with a hyphen right after an Armenian letter or a digit: ԱՄՆ- | ի. */
    private static final Pattern ARMENIAN_SPLIT = Pattern.compile("[\\p{IsArmenian}\\p{N}][-\u2011]$");

    /** One set line: its text and where it starts, for the message when a rule is broken. */
    record Line(int page, float y, String text) { }

    /** The bottom margin, where the page footer is (it is not running text). */
    private static final float FOOTER = 0.93f;

    /** Every line of every page, as PDFBox positions its glyphs (the text stripper emits one string per line). */
    static List<Line> lines(byte[] pdf) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    float height = getCurrentPage().getMediaBox().getHeight();
                    if (!positions.isEmpty() && positions.get(0).getYDirAdj() < FOOTER * height) {
                        lines.add(new Line(getCurrentPageNo(), positions.get(0).getYDirAdj(), text.strip()));
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(document);
        }
        return lines;
    }

    private static List<Line> linesOf(String relative) throws IOException {
        return lines(Files.readAllBytes(Fixtures.fullBuild().resolve(relative)));
    }

    private static List<Line> matching(List<Line> lines, Pattern pattern) {
        return lines.stream().filter(line -> pattern.matcher(line.text()).find()).toList();
    }

    /** The Russian brief and the pack: no line ends on в, и, с, к, у, о, а, я (or their capitals). */
    @ParameterizedTest
    @ValueSource(strings = {"ru/" + Fixtures.DEFAULT_ID + ".pdf", "pack/" + Fixtures.DEFAULT_ID + ".pdf"})
    void noRussianLineEndsOnAOneLetterWord(String pdf) throws IOException {
        List<Line> lines = linesOf(pdf);
        assertThat(lines).as("lines read").hasSizeGreaterThan(50);
        assertThat(matching(lines, RUSSIAN_ORPHAN)).isEmpty();
    }

    /** The Armenian brief and the pack: no line ends on the hyphen of ԱՄՆ-ի or 8-ին, and no line starts with its ending. */
    @ParameterizedTest
    @ValueSource(strings = {"hy/" + Fixtures.DEFAULT_ID + ".pdf", "pack/" + Fixtures.DEFAULT_ID + ".pdf"})
    void noArmenianLineBreaksAtTheSuffixHyphen(String pdf) throws IOException {
        List<Line> lines = linesOf(pdf);
        assertThat(matching(lines, ARMENIAN_SPLIT)).isEmpty();
        String text = String.join(" ", lines.stream().map(Line::text).toList());
        assertThat(text).as("the non-breaking hyphen extracts as itself").contains("ԱՄՆ\u2011ի");
    }

    /** The HTML pages carry the same characters, in the text: a browser keeps the same words together. */
    @Test
    void htmlCarriesTheNoBreakCharacters() throws IOException {
        Document ru = Jsoup.parse(Fixtures.fullBuild().resolve("ru/" + Fixtures.DEFAULT_ID + ".html").toFile(), "UTF-8");
        // wholeText: jsoup's text() turns the no-break space into a space.
        assertThat(ru.selectFirst("h1").wholeText()).contains("Армения и\u00A0Азербайджан", "в\u00A0Белом доме");
        assertThat(ru.selectFirst("article").wholeText().replaceAll("[ \t\r\n]+", " "))
                .doesNotContainPattern("(?<![\\p{L}\\p{N}\\-.])[авиксоуяАВИКСОУЯ] ");
        Document hy = Jsoup.parse(Fixtures.fullBuild().resolve("hy/" + Fixtures.DEFAULT_ID + ".html").toFile(), "UTF-8");
        assertThat(hy.body().wholeText()).contains("ԱՄՆ\u2011ի").doesNotContain("ԱՄՆ-ի");
        assertThat(hy.select("script[type=application/ld+json]").html()).as("not inside <script>").doesNotContain("\u2011");
    }

    // The briefs above may happen to set no line where a rule matters; this sweep makes sure it does.

    private static final String RUSSIAN = "Армения и Азербайджан подписали соглашение в Белом доме, и США с ним согласны.";
    private static final String ARMENIAN = "Համաձայնագիրը ԱՄՆ-ի միջնորդությամբ կնքվեց 8-ին, ԱՄՆ-ի նախագահի հետ։";

    private static final PdfFonts FONTS = PdfFonts.load(new ResourceSet("templates", null));

    /**
     * The same sentence set at every width from 60 to 300 pt, one paragraph per width, typeset or
     * not, through the PDF's own font runs (FontRuns: Noto Serif Armenian has no U+2011 and no
     * digits, so Noto Serif draws them inside Armenian words).
     */
    private static byte[] sweep(String lang, String sentence, boolean typeset) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int width = 60; width <= 300; width += 3) {
            body.append("<p style=\"width: ").append(width).append("pt\">").append(sentence).append("</p>\n");
        }
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + lang + "\"><head><style type=\"text/css\">"
                + "@page { size: 400pt 60000pt; margin: 10pt } body { font-family: '" + FONTS.families(lang).get(0)
                + "'; font-size: 10pt } p { margin: 0 0 12pt 0 }</style></head><body>" + body + "</body></html>";
        if (typeset) {
            Translations translations = new Translations(new ResourceSet("translations", null));
            xhtml = TypesetMarkup.apply(xhtml, lang, translations::typography);
        }
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document document = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xhtml)));
        FontRuns.apply(document, FONTS, lang);
        ITextRenderer renderer = new ITextRenderer();
        FONTS.register(renderer.getFontResolver());
        renderer.setDocument(document, null);
        renderer.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.createPDF(out);
        return out.toByteArray();
    }

    /**
     * openpdf-html keeps a no-break space: untypeset, some widths end a line on «и» or «в»;
     * typeset, none does.
     */
    @Test
    void openpdfHtmlKeepsTheNoBreakSpace() throws Exception {
        assertThat(matching(lines(sweep("ru", RUSSIAN, false)), RUSSIAN_ORPHAN)).as("the sweep finds orphans").isNotEmpty();
        List<Line> typeset = lines(sweep("ru", RUSSIAN, true));
        assertThat(typeset).hasSizeGreaterThan(81);
        assertThat(matching(typeset, RUSSIAN_ORPHAN)).isEmpty();
    }

    /**
     * openpdf-html (the JDK's line breaker) does not break at U+2011, and the font runs hold a word
     * drawn in two families together: untypeset, some widths end a line with «ԱՄՆ-»; typeset, none
     * ends with «ԱՄՆ‑», «ԱՄՆ» or «8‑» and none starts with the case ending.
     */
    @Test
    void openpdfHtmlKeepsTheNonBreakingHyphen() throws Exception {
        assertThat(matching(lines(sweep("hy", ARMENIAN, false)), ARMENIAN_SPLIT)).as("the sweep finds splits").isNotEmpty();
        List<Line> typeset = lines(sweep("hy", ARMENIAN, true));
        assertThat(typeset).hasSizeGreaterThan(81);
        assertThat(matching(typeset, ARMENIAN_SPLIT)).isEmpty();
        assertThat(matching(typeset, Pattern.compile("ԱՄՆ$|^[-\u2011]|^ին?(?![\\p{L}])")))
                .as("no line ends before the hyphen or starts with the case ending").isEmpty();
    }
}
