package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.pdf.PdfFonts;
import dev.newsbrief.pdf.PdfOptions;
import dev.newsbrief.pdf.PdfRenderer;
import dev.newsbrief.resource.ResourceSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The timeline section (templates/timeline.ftlh with assets/timeline.css) rendered for real:
 * as HTML read back with jsoup, and as a PDF through {@link PdfRenderer} read back with PDFBox.
 * The macro is called from a one-line page of its own, so what is tested is the macro alone.
 */
class TimelineTemplateTest {
    @TempDir
    Path templates;

    private final Translations translations = new Translations(new ResourceSet("translations", null));

    private static StorySource story(String id) {
        return Fixtures.repositoryStories().stream().filter(s -> s.story().id().equals(id)).findFirst().orElseThrow();
    }

    private Catalog catalog(String tag, StorySource source) {
        return translations.catalog(tag, source);
    }

    private String section(String tag, StorySource source) throws IOException {
        Files.writeString(templates.resolve("timeline-page.ftlh"),
                "<#import \"timeline.ftlh\" as t><@t.timeline story=story nb=nb idPrefix=\"" + tag + "-\" />", StandardCharsets.UTF_8);
        return new Renderer(templates).render("timeline-page.ftlh", source.story(), catalog(tag, source), Map.of());
    }

    private static double left(Element element) {
        String style = element.attr("style");
        assertThat(style).matches("left: \\d{1,3}\\.\\d{2}%(; width: \\d{1,3}\\.\\d{2}%)?");
        return Double.parseDouble(style.substring("left: ".length(), style.indexOf('%')));
    }

    /** The section: heading, a hidden graphic with a marker per event in date order at its place, then the dated list. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void theSectionDrawsEachEventAtItsPlaceAndListsItOnce(String tag) throws Exception {
        StorySource source = story(Fixtures.DEFAULT_ID);
        String html = section(tag, source);
        // Well-formed XML (the PDF parses it so) as well as HTML.
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        Document doc = Jsoup.parse(html);
        Element section = doc.selectFirst("section[aria-labelledby=" + tag + "-timeline]");
        assertThat(section).isNotNull();
        assertThat(section.selectFirst("h2#" + tag + "-timeline").text()).isEqualTo(Renderer.functions(source.story(), catalog(tag, source)).msg("section.timeline"));

        Element graphic = section.selectFirst("div.timeline-graphic");
        assertThat(graphic.attr("aria-hidden")).isEqualTo("true");
        assertThat(graphic.previousElementSibling().tagName()).isEqualTo("h2");
        assertThat(graphic.nextElementSibling().is("ol.timeline")).as("the list follows the graphic").isTrue();
        // The graphic names no fact: numbers and years only, so the list is the one text of the events.
        assertThat(graphic.text()).matches("[0-9 \u2013]+");
        assertThat(graphic.select(".tl-marker")).extracting(TimelineTemplateTest::left).containsExactly(0.0, 53.54, 99.95);
        assertThat(graphic.select(".tl-marker")).extracting(e -> e.attr("title").replace('\u202F', ' '))
                .containsExactlyElementsOf(section.select("ol.timeline time").eachText().stream().map(t -> t.replace('\u202F', ' ')).toList());
        assertThat(graphic.select(".tl-badge")).extracting(Element::text).containsExactly("1", "2", "3");
        assertThat(graphic.select(".tl-badge")).extracting(TimelineTemplateTest::left).containsExactly(0.0, 53.54, 99.95);
        assertThat(graphic.select(".tl-year")).extracting(Element::text).containsExactly("2020", "2021", "2022", "2023", "2024", "2025");
        assertThat(graphic.select(".tl-year")).extracting(TimelineTemplateTest::left).containsExactly(0.0, 17.88, 35.71, 53.54, 71.37, 89.25);
        assertThat(graphic.select(".tl-span")).as("the two events known to the year").hasSize(2);

        assertThat(section.select("ol.timeline > li")).hasSize(3);
        assertThat(section.select("ol.timeline time")).extracting(e -> e.attr("datetime")).containsExactly("2020", "2023", "2025-08-08");
        assertThat(section.select("ol.timeline > li > span.what")).allSatisfy(what -> assertThat(what.text()).isNotBlank());
    }

    /** Five events, four of them within fourteen months at the end of eighteen years: their badges merge into one. */
    @Test
    void eventsTooCloseForTheirOwnBadgesShareOne() throws Exception {
        Document doc = Jsoup.parse(section("en", story("israel-lebanon-ceasefire-2024")));
        List<Double> markers = doc.select(".tl-marker").stream().map(TimelineTemplateTest::left).toList();
        assertThat(markers).hasSize(5).isSorted();
        assertThat(doc.select(".tl-badge")).extracting(Element::text).containsExactly("1", "2\u20135");
        assertThat(doc.select(".tl-badge.tl-range")).hasSize(1);
        Element bracket = doc.selectFirst(".tl-bracket");
        assertThat(doc.select(".tl-bracket")).hasSize(1);
        assertThat(left(bracket)).as("the bracket starts at marker 2").isEqualTo(markers.get(1));
        double width = Double.parseDouble(bracket.attr("style").replaceAll(".*width: ([0-9.]+)%", "$1"));
        assertThat(left(bracket) + width).as("and ends at marker 5").isCloseTo(markers.get(4), within(0.011));
        assertThat(doc.select("ol.timeline > li")).hasSize(5);
        assertThat(doc.select(".tl-year")).extracting(Element::text).containsExactly("2006", "2010", "2015", "2020");
    }

    /** A word of the extracted text and where it is: left edge, right edge and baseline (from the top), in points. */
    private record Word(String text, float x, float right, float baseline) { }

    private static List<Word> words(PDDocument pdf) throws IOException {
        List<Word> words = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                List<TextPosition> word = new ArrayList<>();
                for (TextPosition position : positions) {
                    if (position.getUnicode().isBlank()) {
                        add(word);
                        word.clear();
                    } else {
                        word.add(position);
                    }
                }
                add(word);
            }

            private void add(List<TextPosition> word) {
                if (!word.isEmpty()) {
                    StringBuilder text = new StringBuilder();
                    word.forEach(p -> text.append(p.getUnicode()));
                    TextPosition last = word.get(word.size() - 1);
                    words.add(new Word(text.toString(), word.get(0).getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(), word.get(0).getYDirAdj()));
                }
            }
        };
        stripper.setSortByPosition(false);
        stripper.getText(pdf);
        return words;
    }

    /** The words on the first line (top to bottom) that holds all of {@code texts}, left to right. */
    private static Optional<List<Word>> line(List<Word> words, String... texts) {
        return words.stream().map(Word::baseline).distinct().sorted().map(y -> words.stream()
                        .filter(w -> Math.abs(w.baseline() - y) < 0.5f && List.of(texts).contains(w.text()))
                        .sorted((a, b) -> Float.compare(a.x(), b.x())).toList())
                .filter(line -> line.stream().map(Word::text).distinct().count() == texts.length)
                .findFirst();
    }

    /** In print the years sit on one baseline, left to right, spaced as the years are; the badges above them on theirs. */
    @Test
    void thePdfDrawsTheYearsToScaleOnOneBaseline() throws IOException {
        Files.createDirectories(templates.resolve("pdf"));
        Files.writeString(templates.resolve(PdfRenderer.BRIEF_TEMPLATE), """
                <#import "../timeline.ftlh" as t>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}" xml:lang="${lang}">
                <head><title>timeline</title>
                <style type="text/css">
                <#include "print.css" parse=false>
                <#include "../assets/timeline.css" parse=false>
                @page { size: A4; margin: 20mm 18mm; }
                </style></head>
                <body><@t.timeline story=story nb=nb idPrefix="" /></body>
                </html>
                """, StandardCharsets.UTF_8);
        ResourceSet set = new ResourceSet("templates", templates);
        StorySource source = story(Fixtures.DEFAULT_ID);
        byte[] bytes = new PdfRenderer(new Renderer(templates), set, PdfFonts.load(set)).brief(source.story(), catalog("en", source), PdfOptions.defaults());
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            List<Word> words = words(pdf);
            List<Word> years = line(words, "2020", "2021", "2022", "2023", "2024", "2025").orElseThrow();
            assertThat(years).extracting(Word::text).containsExactly("2020", "2021", "2022", "2023", "2024", "2025");
            float x2020 = years.get(0).x();
            float x2023 = years.get(3).x();
            float x2025 = years.get(5).x();
            assertThat((x2023 - x2020) / (x2025 - x2020)).as("2023 three fifths of the way from 2020 to 2025's tick")
                    .isCloseTo(53.54f / 89.25f, within(0.01f));

            List<Word> badges = line(words, "1", "2", "3").orElseThrow();
            assertThat(badges).extracting(Word::text).containsExactly("1", "2", "3");
            Word two = badges.get(1);
            float labelInset = x2020 - (badges.get(0).x() + badges.get(0).right()) / 2;
            assertThat((two.x() + two.right()) / 2 + labelInset).as("badge 2 over the tick of 2023").isCloseTo(x2023, within(1.5f));
            float height = years.get(0).baseline() - two.baseline();
            assertThat(height).as("badges above the years, the graphic under 30 mm").isPositive().isLessThan(30 / 25.4f * 72);

            String text = new PDFTextStripper().getText(pdf);
            assertThat(text.split("War between Armenia and Azerbaijan", -1)).as("each event's words once").hasSize(2);
        }
    }
}
