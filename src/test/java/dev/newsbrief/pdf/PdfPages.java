package dev.newsbrief.pdf;

import dev.newsbrief.testing.Plain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF as the reader sees it: per page, the runs of text the renderer drew (one
 * run is a stretch of one line in one font), with where they sit. y grows downwards from the
 * top of the page, in points, as on paper.
 */
record PdfPages(List<Page> pages) {
    static final float MM = 72f / 25.4f;

    /** One run of text: its page (0-based), its words, its box and whether its font is bold. */
    record Run(int page, String text, float left, float right, float top, float baseline, boolean bold) { }

    /** A page: its visible box and its runs in the order they were drawn. */
    record Page(int index, PDRectangle box, List<Run> runs) {
        /** The runs grouped into visual lines (same baseline, within 1.5 pt), top to bottom, each left to right. */
        List<String> lines() {
            Map<Integer, List<Run>> byLine = new TreeMap<>();
            for (Run run : runs) {
                byLine.computeIfAbsent(Math.round(run.baseline() / 1.5f), k -> new ArrayList<>()).add(run);
            }
            return byLine.values().stream().map(line -> String.join(" ",
                    line.stream().sorted(Comparator.comparing(Run::left)).map(Run::text).toList())).toList();
        }

        /** All the text of the page in drawing order, whitespace collapsed. */
        String text() {
            StringBuilder text = new StringBuilder();
            Run previous = null;
            for (Run run : runs) {
                // Runs in other fonts (a «, a digit in Armenian text) touch their neighbours: no space between.
                boolean touching = previous != null && Math.abs(run.baseline() - previous.baseline()) < 1.5f
                        && Math.abs(run.left() - previous.right()) < 0.5f;
                text.append(previous == null || touching ? "" : " ").append(run.text());
                previous = run;
            }
            return normalize(text.toString());
        }
    }

    static String normalize(String text) {
        return Plain.text(text).replaceAll("\\s+", " ").strip();
    }

    static PdfPages read(PDDocument pdf) throws IOException {
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
            PDPage page = pdf.getPage(i);
            List<Run> runs = new ArrayList<>();
            int index = i;
            float height = page.getMediaBox().getHeight();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (text.isBlank() || positions.isEmpty()) {
                        return;
                    }
                    float left = Float.MAX_VALUE, right = -Float.MAX_VALUE, top = Float.MAX_VALUE, baseline = 0;
                    boolean bold = false;
                    for (TextPosition p : positions) {
                        left = Math.min(left, p.getXDirAdj());
                        right = Math.max(right, p.getXDirAdj() + p.getWidthDirAdj());
                        top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
                        baseline = Math.max(baseline, p.getYDirAdj());
                        bold |= p.getFont().getName() != null && p.getFont().getName().contains("Bold");
                    }
                    runs.add(new Run(index, normalize(text), left, right, top, baseline, bold));
                }
            };
            stripper.setStartPage(i + 1);
            stripper.setEndPage(i + 1);
            stripper.getText(pdf);
            pages.add(new Page(i, page.getMediaBox(), List.copyOf(runs)));
            assert height > 0;
        }
        return new PdfPages(List.copyOf(pages));
    }
}
