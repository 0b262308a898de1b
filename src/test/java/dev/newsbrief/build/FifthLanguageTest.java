package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.TextLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fifth language by files only: {@code src/test/resources/fixture/el/} holds Greek translations
 * ({@code translations/el/}: messages, lexicon, typography) and the default story's bundle with
 * its Greek wording ({@code el.yaml}) — no template, font list or Java names Greek. Noto Serif
 * (vendored) has Greek, and fonts.yaml's {@code default} family list applies to a language it
 * does not name, so HTML, PDF and the five-language pack build.
 */
class FifthLanguageTest {
    private static final String STORY = Fixtures.DEFAULT_ID;
    private static final List<String> FOUR = List.of("hy", "az", "ru", "en");
    private static final String GREEK_HEADLINE = "Αρμενία και Αζερμπαϊτζάν υπογράφουν ειρηνευτική συμφωνία στον Λευκό Οίκο";

    private final Builder builder = new Builder();

    private static BuildOptions greek(Path out) {
        return BuildOptions.defaults().withOutput(out)
                .withTranslations(Fixtures.fixture("el/translations"))
                .withStories(List.of(Fixtures.fixture("el/stories/" + STORY)));
    }

    @Test
    void theGreekBriefBuildsAsHtmlAndPdfFromFilesAlone(@TempDir Path out) throws IOException {
        builder.build(greek(out).withLanguages(List.of("el")).withFormats(Set.of(Format.HTML, Format.PDF)));

        Document page = Fixtures.brief(out, "el", STORY);
        assertThat(page.select("html").attr("lang")).isEqualTo("el");
        assertThat(page.select("h1").text()).isEqualTo(GREEK_HEADLINE);
        String pdf = pdfText(out.resolve("el").resolve(STORY + ".pdf"));
        assertThat(pdf).contains(GREEK_HEADLINE)
                .contains("ΟΥΑΣΙΓΚΤΟΝ · 8 Αυγούστου 2025")
                .contains("«Ένα σημαντικό ορόσημο».")
                .contains("Σελίδα 1 από 2");
    }

    @Test
    void thePackHoldsAllFiveLanguages(@TempDir Path out) throws IOException {
        builder.build(greek(out).withFormats(Set.of(Format.PACK)));

        String pack = pdfText(out.resolve("pack").resolve(STORY + ".pdf"));
        assertThat(pack).contains("Ελληνικά", "Հայերեն", "Azərbaycan dili", "Русский", "English", GREEK_HEADLINE);
    }

    @Test
    void everyLanguageSwitcherListsGreek(@TempDir Path out) {
        builder.build(greek(out).withFormats(Set.of(Format.HTML)));

        for (String tag : List.of("el", "hy", "az", "ru", "en")) {
            assertThat(Fixtures.brief(out, tag, STORY).select("a[hreflang=el]").eachText()).as(tag).contains("Ελληνικά");
        }
    }

    /** Greek built alone into an output that holds the other four: their pages are rendered again and list it. */
    @Test
    void greekAddedLaterIsListedByThePagesAlreadyPublished(@TempDir Path out) {
        builder.build(greek(out).withLanguages(FOUR).withFormats(Set.of(Format.HTML)));
        for (String tag : FOUR) {
            assertThat(Fixtures.brief(out, tag, STORY).select("a[hreflang=el]")).as(tag).isEmpty();
        }

        builder.build(greek(out).withLanguages(List.of("el")).withFormats(Set.of(Format.HTML)));

        for (String tag : FOUR) {
            assertThat(Fixtures.brief(out, tag, STORY).select("a[hreflang=el]").eachText()).as(tag).containsExactly("Ελληνικά");
        }
    }

    /** Of a quote's translations, the glyph error names the one the failing brief draws, whatever the map's order. */
    @Test
    void theMissingGlyphIsLocatedInTheBriefsOwnTranslation() {
        var story = new StoryLoader().loadSource(Fixtures.fixture("el/stories/" + STORY)).story();
        int omicron = 'ο';
        assertThat(TextLocator.find(story, omicron, "el")).contains("quotes[0].translations.el");
        int ve = 'в';
        assertThat(TextLocator.find(story, ve, "ru")).contains("quotes[0].translations.ru");
        assertThat(TextLocator.find(story, ve, "el")).isEmpty();
    }

    /**
     * The "named a different field on each of three identical runs": a character in three
     * translations of one quote. Quote keeps them in a Map.copyOf, whose order is drawn per JVM,
     * so three builds in three JVMs must name the same field.
     */
    @Test
    void theGlyphErrorNamesTheSameFieldInEveryJvm(@TempDir Path dir) throws Exception {
        Path story = Fixtures.copyOfDefaultBundle(dir.resolve("story"));
        Path facts = story.resolve(StoryLoader.BUNDLE_STORY);
        String yaml = Files.readString(facts, StandardCharsets.UTF_8);
        for (String translation : List.of("ru: \"Чудо за шесть месяцев.\"", "hy: \"Հրաշք՝ վեց ամսում։\"",
                "az: \"Altı ayda baş verən möcüzə.\"")) {
            assertThat(yaml).contains(translation);
            yaml = yaml.replace(translation, translation.replace(" ", " ჰ "));
        }
        Files.writeString(facts, yaml, StandardCharsets.UTF_8);

        List<String> errors = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            errors.add(buildInChildJvm(dir.resolve("out" + run), story.toString(), "-l", "ru", "-f", "pdf"));
        }
        assertThat(errors.get(0)).contains("quotes[1].").contains("ru: character U+10F0 (GEORGIAN LETTER HAE)");
        assertThat(errors).containsOnly(errors.get(0));
    }

    /** The last line a {@code build} in a fresh JVM prints to stderr (it must fail). */
    private static String buildInChildJvm(Path out, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.newsbrief.cli.Main", "build", "-o", out.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isEqualTo(3);
        return err.lines().filter(line -> line.startsWith("newsbrief: ")).findFirst().orElseThrow();
    }

    static String pdfText(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(pdf).replaceAll("[\\s\u00A0]+", " "); // typography glues words with no-break spaces
        }
    }
}
