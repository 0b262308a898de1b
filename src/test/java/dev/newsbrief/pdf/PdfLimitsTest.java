package dev.newsbrief.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Lexicon;
import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.render.Deadline;
import dev.newsbrief.render.Renderer;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.openpdf.pdf.ITextFontResolver;
import org.openpdf.pdf.ITextOutputDevice;
import org.openpdf.pdf.ITextRenderer;
import org.openpdf.pdf.ITextReplacedElementFactory;
import org.openpdf.pdf.ITextTextRenderer;
import org.openpdf.pdf.ITextUserAgent;
import org.junit.jupiter.api.io.TempDir;

/**
 * A print template (templates are semi-trusted) cannot make a PDF without end (issue 7): pages,
 * bytes and time are bounded, each as bad input (exit 3). Templates: {@code fixture/hostile-templates/pdf/}.
 */
class PdfLimitsTest {
    @TempDir
    Path templates;

    private final Story story = new StoryLoader().load(Fixtures.fixture("render/story.yaml"));

    private static Catalog catalog() {
        Lexicon lexicon = new Lexicon("inline-lexicon.yaml", List.of(), Map.of(), Map.of(), Map.of(), List.of());
        return new Catalog("en", ULocale.forLanguageTag("en"), "inline.yaml", Map.of(), Map.of(), lexicon);
    }

    /** Uses {@code hostile} as the print template of the brief. */
    private PdfRenderer pdf(String hostile, Limits limits) throws IOException {
        Files.createDirectories(templates.resolve("pdf"));
        Files.copy(Fixtures.fixture("hostile-templates/pdf/" + hostile), templates.resolve(PdfRenderer.BRIEF_TEMPLATE));
        ResourceSet set = new ResourceSet("templates", templates);
        return new PdfRenderer(new Renderer(templates), set, PdfFonts.load(set), limits);
    }

    private byte[] brief(PdfRenderer renderer) {
        return renderer.brief(story, catalog(), PdfOptions.defaults());
    }

    /** True once no render thread is busy (their names say so): the layout was stopped from inside, not abandoned. */
    private static boolean renderThreadsStop() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("newsbrief-render: ") && t.isAlive())) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** 5000 page breaks stop during layout, at the first block past the limit. */
    @Test
    void aPdfOverThePageLimitStopsDuringLayout() throws IOException {
        PdfRenderer renderer = pdf("many-pages.ftlx", Limits.DEFAULT.with("pdf-pages", "20"));
        assertThatThrownBy(() -> brief(renderer))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("pdf/brief.ftlx: the PDF of pdf/brief.ftlx would have at least 21 pages, more than the limit of 20;"
                        + " if the input is trusted, raise the limit with --limit pdf-pages=<value>");
    }

    /** Pages a single block runs over are counted after layout, before anything is written. */
    @Test
    void pagesOfOneLongBlockAreCountedBeforeWriting() throws IOException {
        byte[] fits = brief(pdf("one-long-block.ftlx", Limits.DEFAULT));
        int pages;
        try (PDDocument document = Loader.loadPDF(fits)) {
            pages = document.getNumberOfPages();
        }
        assertThat(pages).as("pages of the long paragraph").isGreaterThan(3);
        Files.delete(templates.resolve(PdfRenderer.BRIEF_TEMPLATE));
        PdfRenderer renderer = pdf("one-long-block.ftlx", Limits.DEFAULT.with("pdf-pages", "3"));
        assertThatThrownBy(() -> brief(renderer))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("pdf/brief.ftlx: the PDF of pdf/brief.ftlx would have " + pages + " pages, more than the limit of 3;"
                        + " if the input is trusted, raise the limit with --limit pdf-pages=<value>");
    }

    @Test
    void aPdfOverTheOutputLimitIsNotKept() throws IOException {
        byte[] fits = brief(pdf("one-long-block.ftlx", Limits.DEFAULT));
        Files.delete(templates.resolve(PdfRenderer.BRIEF_TEMPLATE));
        PdfRenderer renderer = pdf("one-long-block.ftlx", Limits.DEFAULT.with("output-bytes", String.valueOf(fits.length - 1)));
        assertThatThrownBy(() -> brief(renderer))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("pdf/brief.ftlx: the PDF of pdf/brief.ftlx reached ")
                .hasMessageEndingWith(" bytes, more than the limit of " + (fits.length - 1)
                        + "; if the input is trusted, raise the limit with --limit output-bytes=<value>");
    }

    /** openpdf-html asks the guard about every block it lays out, and lets its error through: a deadline passed stops the layout. */
    @Test
    void theLayoutChecksTheDeadlineAtEveryBlock() throws Exception {
        ITextOutputDevice device = new ITextOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        Deadline passed = Deadline.start("t.ftlx", 0);
        LayoutGuard guard = new LayoutGuard(new ITextReplacedElementFactory(device), "t.ftlx", 10, passed);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device,
                new ITextUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL), new ITextFontResolver(), guard, new ITextTextRenderer());
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        String xhtml = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><div>one</div><div>two</div></body></html>";
        renderer.setDocument(factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xhtml))), "about:blank");
        assertThatThrownBy(renderer::layout)
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("t.ftlx: rendering t.ftlx did not finish within the limit of 0 seconds;");
    }

    /** A PDF that takes longer than render-seconds (template, layout, writing together) stops, and its thread with it. */
    @Test
    void aSlowPdfStopsAtTheTimeLimit() throws Exception {
        PdfRenderer renderer = pdf("slow-pdf.ftlx", Limits.DEFAULT.with("render-seconds", "1").with("pdf-pages", "100000"));
        assertThatThrownBy(() -> brief(renderer))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("pdf/brief.ftlx: rendering pdf/brief.ftlx did not finish within the limit of 1 seconds;"
                        + " if the input is trusted, raise the limit with --limit render-seconds=<value>");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(renderThreadsStop()).as("the work stopped, not abandoned").isTrue();
    }
}
