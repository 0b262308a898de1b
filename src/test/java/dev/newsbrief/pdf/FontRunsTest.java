package dev.newsbrief.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.resource.ResourceSet;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Font fallback by runs: each run of text is drawn by a family of its language's list that has its glyphs. */
class FontRunsTest {
    private static final PdfFonts FONTS = PdfFonts.load(new ResourceSet("templates", null));

    @Test
    void armenianRunsGetTheArmenianFamilyAndTheRestStaysInTheBodyFamily() throws Exception {
        String out = apply("<p>ԱՄՆ-ի 8 օգոստոսի, TRIPP</p>", "hy");
        // A word drawn in two families is one atomic box: openpdf-html may break between inline boxes.
        // Every piece is an element, so the PDF paints (and extracts) the pieces in reading order.
        assertThat(out).contains("<p><span style=\"font-family: &#34;Noto Serif Armenian&#34;\">ԱՄՆ-ի </span><span>8 </span>"
                + "<span style=\"display: inline-block; white-space: nowrap\"><span style=\"font-family: &#34;Noto Serif Armenian&#34;\">օգոստոսի</span>"
                + "<span>,</span></span><span> TRIPP</span></p>");
    }

    @Test
    void textThatTheBodyFamilyDrawsIsLeftAlone() throws Exception {
        String in = "<p>Подписание в Белом доме — «TRIPP», Şuşa, ə</p>";
        assertThat(apply(in, "ru")).contains(in);
    }

    @Test
    void anElementsLanguageChoosesItsOwnList() throws Exception {
        // The body is set in the default list's first family; a fixture fonts.yaml gives hy its own list.
        PdfFonts fonts = PdfFonts.load(new ResourceSet("templates", dev.newsbrief.Fixtures.fixture("fonts/armenian-first")));
        String out = apply(fonts, "<p>Hello <span lang=\"hy\">Բարև 2025</span></p>", "en");
        assertThat(out).contains("<p><span>Hello </span><span lang=\"hy\"><span style=\"font-family: &#34;Noto Serif Armenian&#34;\">Բարև </span>"
                + "<span>2025</span></span></p>");
    }

    @Test
    void aCharacterNoFamilyDrawsStopsTheDocumentNamingTheList() {
        assertThatThrownBy(() -> apply("<p>Мир 🕊 сегодня</p>", "ru"))
                .isInstanceOf(MissingGlyphException.class)
                .hasMessage("ru: character U+1F54A (DOVE OF PEACE) is in none of the PDF fonts 'Noto Serif', 'Noto Serif Armenian', in \"Мир 🕊 сегодня\"");
    }

    @Test
    void stylesAndScriptsAreNotText() throws Exception {
        String out = apply("<style>p::before { content: \"Բ\"; }</style><p>x</p>", "hy");
        assertThat(out).contains("content: \"Բ\";").doesNotContain("<span");
    }

    private static String apply(String body, String language) throws Exception {
        return apply(FONTS, body, language);
    }

    private static String apply(PdfFonts fonts, String body, String language) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(
                "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head/><body>" + body + "</body></html>")));
        FontRuns.apply(document, fonts, language);
        StringWriter out = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty("omit-xml-declaration", "yes");
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString().replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", "");
    }

    /** PDFs are set on several threads: script runs must come out the same as on one, brackets and all (ICU's stack is static). */
    @org.junit.jupiter.api.Test
    void scriptRunsAreTheSameOnManyThreadsAtOnce() throws Exception {
        String text = "Trump (Թրամփ «Խաղաղություն (ու) բարգավաճում» и «мир [и (процветание)]») — TRIPP (Զանգեզուր) ";
        String long_ = text.repeat(20);
        int[] alone = FontRuns.scriptRuns(long_);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        if (!java.util.Arrays.equals(FontRuns.scriptRuns(long_), alone)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var result : results) {
                org.assertj.core.api.Assertions.assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        org.assertj.core.api.Assertions.assertThat(alone.length).isGreaterThan(10);
    }
}
