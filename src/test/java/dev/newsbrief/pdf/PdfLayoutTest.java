package dev.newsbrief.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.Builder;
import dev.newsbrief.build.Format;
import dev.newsbrief.pdf.PdfPages.Page;
import dev.newsbrief.pdf.PdfPages.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The printed briefs of the embedded story looked at as a print designer would, page by page,
 * in every language, on A4 and on Letter, and in the pack: read back with PDFBox from what the
 * real Builder makes.
 */
class PdfLayoutTest {
    /** The page margins of pdf/page.ftlx: the running head sits above the top one, the foot below the bottom one. */
    private static final float TOP_MARGIN = 16 * PdfPages.MM;
    private static final float BOTTOM_MARGIN = 14 * PdfPages.MM;
    private static final Map<PdfOptions.Paper, Path> BUILDS = new ConcurrentHashMap<>();
    private static final Map<String, String> LANGUAGE_NAMES = Map.of(
            "en", "English", "hy", "Հայերեն", "az", "Azərbaycan dili", "ru", "Русский");

    private static Path build(PdfOptions.Paper paper) {
        return BUILDS.computeIfAbsent(paper, p -> {
            try {
                Path output = Files.createTempDirectory("newsbrief-layout-");
                new Builder().build(BuildOptions.defaults().withFormats(Set.of(Format.PDF, Format.PACK))
                        .withPdf(new PdfOptions(p, PdfOptions.Profile.STANDARD, null)).withOutput(output));
                return output;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static PdfPages pages(PdfOptions.Paper paper, String tag, PdfConsumer check) throws IOException {
        String relative = (tag.equals("pack") ? "pack" : tag) + "/" + Fixtures.DEFAULT_ID + ".pdf";
        try (PDDocument pdf = Loader.loadPDF(build(paper).resolve(relative).toFile())) {
            PdfPages pages = PdfPages.read(pdf);
            check.accept(pdf, pages);
            return pages;
        }
    }

    interface PdfConsumer {
        void accept(PDDocument pdf, PdfPages pages) throws IOException;
    }

    static Stream<Arguments> languagesAndPapers() {
        return Stream.of(PdfOptions.Paper.values())
                .flatMap(paper -> Stream.of("hy", "az", "ru", "en", "pack").map(tag -> Arguments.of(paper, tag)));
    }

    private static List<String> tagsOf(String tag) {
        return tag.equals("pack") ? Fixtures.LANGUAGES : List.of(tag);
    }

    private static boolean isBody(Page page, Run run) {
        return run.baseline() > TOP_MARGIN && run.top() < page.box().getHeight() - BOTTOM_MARGIN;
    }

    /** The lowest baseline of the body text of a page, as a share of the page's height. */
    private static float fill(Page page) {
        return (float) page.runs().stream().filter(run -> isBody(page, run)).mapToDouble(Run::baseline).max().orElse(0)
                / page.box().getHeight();
    }

    /** Each language on exactly two pages, the second at least a third full. */
    @ParameterizedTest
    @EnumSource(PdfOptions.Paper.class)
    void eachLanguageFitsTwoBalancedPages(PdfOptions.Paper paper) throws IOException {
        for (String tag : Fixtures.LANGUAGES) {
            pages(paper, tag, (pdf, pages) -> {
                assertThat(pages.pages()).as("pages of %s on %s", tag, paper).hasSize(2);
                for (Page page : pages.pages()) {
                    assertThat(fill(page)).as("fill of page %d of %s on %s", page.index() + 1, tag, paper).isGreaterThan(1f / 3);
                }
            });
        }
    }

    /** A heading in the bottom 15 % of a page has body text under it on the same page. */
    @ParameterizedTest
    @MethodSource("languagesAndPapers")
    void noHeadingEndsAPage(PdfOptions.Paper paper, String tag) throws IOException {
        List<String> headings = new ArrayList<>();
        for (String language : tagsOf(tag)) {
            headings.addAll(Fixtures.defaultBrief(language).select("h2, h3").eachText().stream().map(PdfPages::normalize).toList());
        }
        pages(paper, tag, (pdf, pages) -> {
            int found = 0;
            for (Page page : pages.pages()) {
                float height = page.box().getHeight();
                for (Run heading : page.runs()) {
                    if (!heading.bold() || !headings.contains(heading.text()) || !isBody(page, heading)) {
                        continue;
                    }
                    found++;
                    if (heading.baseline() > height * 0.85f) {
                        boolean textBelow = page.runs().stream().anyMatch(run -> isBody(page, run) && !run.bold()
                                && run.top() > heading.baseline() && run.left() < heading.right() && run.right() > heading.left());
                        assertThat(textBelow).as("'%s' at the foot of page %d of %s on %s, with no text under it",
                                heading.text(), page.index() + 1, tag, paper).isTrue();
                    }
                }
            }
            assertThat(found).as("headings found in %s", tag).isGreaterThanOrEqualTo(headings.size() / 2);
        });
    }

    /** Nothing is drawn within 5 mm of the edge of the paper, where printers clip and viewers hide. */
    @ParameterizedTest
    @MethodSource("languagesAndPapers")
    void allTextIsInsideTheVisiblePage(PdfOptions.Paper paper, String tag) throws IOException {
        float inset = 5 * PdfPages.MM;
        pages(paper, tag, (pdf, pages) -> {
            for (Page page : pages.pages()) {
                for (Run run : page.runs()) {
                    assertThat(run.left()).as("left of '%s' on page %d", run.text(), page.index() + 1).isGreaterThanOrEqualTo(inset);
                    assertThat(run.right()).as("right of '%s' on page %d", run.text(), page.index() + 1)
                            .isLessThanOrEqualTo(page.box().getWidth() - inset);
                    assertThat(run.top()).as("top of '%s' on page %d", run.text(), page.index() + 1).isGreaterThanOrEqualTo(inset);
                    assertThat(run.baseline()).as("foot of '%s' on page %d", run.text(), page.index() + 1)
                            .isLessThanOrEqualTo(page.box().getHeight() - inset);
                }
            }
        });
    }

    /**
     * Nothing is hidden at a page's foot: below the text area there is only the centred page
     * footer, not a heading or the next language's kicker drawn there and clipped from sight
     * (copy, search and screen readers would still find it).
     */
    @ParameterizedTest
    @MethodSource("languagesAndPapers")
    void onlyTheFooterIsBelowTheText(PdfOptions.Paper paper, String tag) throws IOException {
        pages(paper, tag, (pdf, pages) -> {
            for (Page page : pages.pages()) {
                float width = page.box().getWidth();
                for (Run run : page.runs()) {
                    if (run.baseline() > page.box().getHeight() - 12 * PdfPages.MM) {
                        assertThat(run.left() > width / 3 && run.right() < 2 * width / 3)
                                .as("'%s' below the text of page %d (x %.0f–%.0f), not the centred footer", run.text(), page.index() + 1,
                                        run.left(), run.right())
                                .isTrue();
                    }
                }
            }
        });
    }

    /** No letter is drawn over another (boxes misplaced on a line, columns running into each other). */
    @ParameterizedTest
    @MethodSource("languagesAndPapers")
    void noTextIsDrawnOverOtherText(PdfOptions.Paper paper, String tag) throws IOException {
        pages(paper, tag, (pdf, pages) -> {
            for (int index = 0; index < pdf.getNumberOfPages(); index++) {
                java.util.Map<Integer, java.util.List<org.apache.pdfbox.text.TextPosition>> lines = new java.util.TreeMap<>();
                org.apache.pdfbox.text.PDFTextStripper glyphs = new org.apache.pdfbox.text.PDFTextStripper() {
                    @Override
                    protected void processTextPosition(org.apache.pdfbox.text.TextPosition glyph) {
                        if (!glyph.getUnicode().isBlank()) {
                            lines.computeIfAbsent(Math.round(glyph.getYDirAdj() / 1.5f), k -> new java.util.ArrayList<>()).add(glyph);
                        }
                    }
                };
                glyphs.setStartPage(index + 1);
                glyphs.setEndPage(index + 1);
                glyphs.getText(pdf);
                for (var line : lines.values()) {
                    line.sort(java.util.Comparator.comparing(org.apache.pdfbox.text.TextPosition::getXDirAdj));
                    for (int i = 1; i < line.size(); i++) {
                        var before = line.get(i - 1);
                        var after = line.get(i);
                        assertThat(after.getXDirAdj()).as("'%s' drawn over '%s' on page %d", after.getUnicode(), before.getUnicode(), index + 1)
                                .isGreaterThanOrEqualTo(before.getXDirAdj() + before.getWidthDirAdj() - 1f);
                    }
                }
            }
        });
    }

    /** A quote box never splits: from the quote's first words to its attribution, all on one page. */
    @ParameterizedTest
    @MethodSource("languagesAndPapers")
    void quoteBoxesAreNotSplit(PdfOptions.Paper paper, String tag) throws IOException {
        List<String[]> quotes = new ArrayList<>();
        for (String language : tagsOf(tag)) {
            // In the pack, look for each language's quotes in its own pages (others quote the English originals).
            String name = LANGUAGE_NAMES.get(language);
            for (Element figure : Fixtures.defaultBrief(language).select("section.quotes figure")) {
                String[] words = PdfPages.normalize(figure.child(0).text()).split(" ");
                // The first two words, without the opening quotation mark (drawn as a run of its own in Armenian).
                String start = String.join(" ", List.of(words).subList(0, Math.min(2, words.length))).replaceFirst("^\\P{L}+", "").replaceFirst("\\P{L}+$", "");
                Element caption = figure.selectFirst("figcaption");
                String end = PdfPages.normalize(caption != null ? caption.text() : figure.child(figure.childrenSize() - 1).text());
                quotes.add(new String[] {start, end, name});
            }
        }
        pages(paper, tag, (pdf, pages) -> {
            for (String[] quote : quotes) {
                Page page = pages.pages().stream().filter(p -> header(p).contains(quote[2]) && squeeze(p.text()).contains(squeeze(quote[0]))).findFirst()
                        .orElseThrow(() -> new AssertionError("quote '" + quote[0] + "' not found in " + tag));
                // Compared without spaces: the font runs of mixed scripts are drawn apart.
                String rest = squeeze(page.text()).substring(squeeze(page.text()).indexOf(squeeze(quote[0])));
                assertThat(rest).as("quote '%s…' on page %d of %s on %s ends on the same page", quote[0], page.index() + 1, tag, paper)
                        .contains(squeeze(quote[1]));
            }
        });
    }

    /** Each bookmark opens the page where its heading is. */
    @ParameterizedTest
    @MethodSource("languagesAndPapers")
    void bookmarksPointToTheirHeadings(PdfOptions.Paper paper, String tag) throws IOException {
        pages(paper, tag, (pdf, pages) -> {
            int checked = 0;
            for (PDOutlineItem top : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                int topPage = pageOf(pdf, top);
                if (tag.equals("pack")) {
                    assertThat(header(pages.pages().get(topPage))).as("bookmark '%s'", top.getTitle()).contains(top.getTitle());
                    assertThat(header(pages.pages().get(topPage - 1))).as("page before bookmark '%s'", top.getTitle())
                            .doesNotContain(top.getTitle());
                } else {
                    assertThat(pages.pages().get(topPage).runs()).as("bookmark '%s'", top.getTitle())
                            .anyMatch(run -> run.bold() && PdfPages.normalize(top.getTitle()).startsWith(run.text()));
                }
                for (PDOutlineItem section : top.children()) {
                    Page page = pages.pages().get(pageOf(pdf, section));
                    assertThat(page.runs()).as("bookmark '%s' points to page %d of %s on %s", section.getTitle(), page.index() + 1, tag, paper)
                            .anyMatch(run -> run.bold() && isBody(page, run) && run.text().equals(PdfPages.normalize(section.getTitle())));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(8);
        });
    }

    /** The running head names the publication and the language, never the headline. */
    @ParameterizedTest
    @MethodSource("languagesAndPapers")
    void runningHeadNamesPublicationAndLanguage(PdfOptions.Paper paper, String tag) throws IOException {
        pages(paper, tag, (pdf, pages) -> {
            for (Page page : pages.pages().subList(tag.equals("pack") ? 1 : 0, pages.pages().size())) {
                String header = header(page);
                String language = LANGUAGE_NAMES.entrySet().stream().filter(e -> header.contains("newsbrief · " + e.getValue()))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                assertThat(language).as("running head '%s' of page %d of %s", header, page.index() + 1, tag).isNotNull();
                if (!tag.equals("pack")) {
                    assertThat(language).isEqualTo(tag);
                }
                String headline = PdfPages.normalize(Fixtures.defaultBrief(language).selectFirst("h1").text());
                assertThat(header).doesNotContain(headline.substring(0, headline.length() / 2));
            }
        });
    }

    /** The pack's cover lists each language by its own name with the page it really starts on. */
    @ParameterizedTest
    @EnumSource(PdfOptions.Paper.class)
    void packCoverListsLanguagesWithTheirPages(PdfOptions.Paper paper) throws IOException {
        pages(paper, "pack", (pdf, pages) -> {
            List<String> cover = pages.pages().get(0).lines();
            for (String name : LANGUAGE_NAMES.values()) {
                String line = cover.stream().filter(l -> l.startsWith(name)).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " is not on the cover: " + cover));
                Matcher number = Pattern.compile("(\\d+)$").matcher(line);
                assertThat(number.find()).as("a page number after '%s'", line).isTrue();
                int listed = Integer.parseInt(number.group(1));
                int first = pages.pages().stream().filter(p -> header(p).contains("· " + name)).findFirst().orElseThrow().index() + 1;
                assertThat(listed).as("the page of %s", name).isEqualTo(first);
                assertThat(header(pages.pages().get(first - 2))).as("%s starts on a new page", name).doesNotContain(name);
            }
        });
    }

    private static String squeeze(String text) {
        return text.replace(" ", "");
    }

    private static String header(Page page) {
        return PdfPages.normalize(String.join(" ", page.runs().stream().filter(run -> run.baseline() <= TOP_MARGIN).map(Run::text).toList()));
    }

    private static int pageOf(PDDocument pdf, PDOutlineItem item) throws IOException {
        PDDestination destination = item.getDestination();
        if (destination == null && item.getAction() instanceof PDActionGoTo goTo) {
            destination = goTo.getDestination();
        }
        PDPageDestination page = (PDPageDestination) destination;
        return page.getPage() != null ? pdf.getPages().indexOf(page.getPage()) : page.getPageNumber();
    }
}
