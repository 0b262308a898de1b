package dev.newsbrief.newsletter;

import dev.newsbrief.testing.Plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.util.ULocale;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.render.HtmlBrief;
import dev.newsbrief.render.Renderer;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pages of an edition of the sample newsletter over the three shipped stories, in each of
 * its four languages: the email HTML parsed with jsoup, the web version and archive checked by
 * the Nu validator, the wording checked against the briefs and the translations.
 */
class EditionPagesTest {
    static final List<String> LANGUAGES = List.of("hy", "az", "ru", "en");
    static final Path MORNING = Path.of("newsletters/morning.yaml");
    static final Path STORIES = Path.of("src/main/resources/stories");
    /** 21:30 UTC on 8 August: already the 9th in Yerevan, Baku and Moscow, still the 8th in New York. */
    static final Instant AT = Instant.parse("2025-08-08T21:30:00Z");
    static final int NUMBER = 3;

    static final Newsletter NEWSLETTER = new NewsletterLoader().load(MORNING);
    static final Translations TRANSLATIONS = new Translations(new ResourceSet("translations", Path.of("translations")));
    static final Renderer RENDERER = new Renderer(null);
    static final List<StorySource> SOURCES = loadStories();
    private static final Map<String, EditionPages.Page> PAGES = new ConcurrentHashMap<>();

    private static List<StorySource> loadStories() {
        try (var folders = Files.list(STORIES)) {
            StoryLoader loader = new StoryLoader();
            return folders.filter(Files::isDirectory).sorted().map(loader::loadSource).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The edition's stories in one language: {@code count} of them, the three shipped ones in turn. */
    static List<EditionPages.StoryItem> items(String tag, int count) {
        return IntStream.range(0, count).mapToObj(i -> SOURCES.get(i % SOURCES.size()))
                .map(source -> new EditionPages.StoryItem(source.story(), TRANSLATIONS.catalog(tag, source))).toList();
    }

    static Edition edition(int count) {
        return new Edition(NEWSLETTER.name(), NUMBER, AT, items("en", count).stream().map(item -> item.story().id()).toList(), false);
    }

    static EditionPages.Page page(String tag, int count) {
        return new EditionPages(RENDERER).edition(NEWSLETTER, edition(count), tag, TRANSLATIONS.catalog(tag), items(tag, count));
    }

    /** The edition of the three shipped stories in {@code tag}, rendered once. */
    static EditionPages.Page page(String tag) {
        return PAGES.computeIfAbsent(tag, t -> page(t, SOURCES.size()));
    }

    static Document email(String tag) {
        return Jsoup.parse(page(tag).emailHtml());
    }

    static String absolute(String relative) {
        return EditionPaths.absolute(NEWSLETTER, relative).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void emailHasLanguageDirectionAndAHiddenPreheaderFirst(String tag) {
        Document email = email(tag);
        Element html = email.selectFirst("html");
        assertThat(html.attr("lang")).isEqualTo(tag);
        assertThat(html.attr("dir")).isEqualTo(ULocale.forLanguageTag(tag).isRightToLeft() ? "rtl" : "ltr").isEqualTo("ltr");
        Element first = email.body().child(0);
        String style = first.attr("style").replace(" ", "");
        assertThat(style).contains("display:none", "max-height:0", "overflow:hidden");
        assertThat(first.text()).startsWith(page(tag).preheader());
        assertThat(email.title().replace('\u202F', ' ')).isEqualTo(page(tag).subject().replace('\u00A0', ' ').replace('\u202F', ' '));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void emailIsTableLayoutWithInlineStylesAndNoScriptsOrExternalCss(String tag) {
        Document email = email(tag);
        String html = page(tag).emailHtml();
        assertThat(email.select("script")).isEmpty();
        assertThat(email.select("link")).isEmpty();
        assertThat(html).doesNotContain("@import").doesNotContainIgnoringCase("flex").doesNotContainIgnoringCase("grid");
        assertThat(email.select("table")).isNotEmpty().allSatisfy(table -> assertThat(table.attr("role")).isEqualTo("presentation"));
        // A full-width wrapper, and inside it the content: 600 px in the attribute, fluid below it.
        Element wrapper = email.body().selectFirst("> table");
        assertThat(wrapper.attr("width")).isEqualTo("100%");
        Element content = wrapper.selectFirst("table.nb-content");
        assertThat(content.attr("width")).isEqualTo("600");
        assertThat(content.attr("style").replace(" ", "")).contains("max-width:600px", "width:100%");
        // Every text block carries its own font and colour inline (mail clients drop <style>).
        assertThat(email.select("h1, h2, p")).allSatisfy(block -> assertThat(block.attr("style").isEmpty()
                ? block.parent().attr("style") : block.attr("style")).contains("color:"));
        assertThat(email.select("a")).allSatisfy(a -> assertThat(a.attr("style")).contains("color:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void emailIsReadableInDarkMode(String tag) {
        Document email = email(tag);
        assertThat(email.select("meta[name=color-scheme]").attr("content")).isEqualTo("light dark");
        assertThat(email.select("meta[name=supported-color-schemes]").attr("content")).isEqualTo("light dark");
        String css = email.select("head style").html();
        Matcher dark = Pattern.compile("@media \\(prefers-color-scheme: dark\\) \\{(.*?)\\n\\}", Pattern.DOTALL).matcher(css);
        assertThat(dark.find()).as("a dark-mode media query in %s", css).isTrue();
        // Each class the overrides name is used in the body, and every override wins over inline styles.
        Matcher rule = Pattern.compile("([^{}]+)\\{([^}]*)\\}").matcher(dark.group(1));
        Set<String> classes = new HashSet<>();
        while (rule.find()) {
            Matcher name = Pattern.compile("\\.([a-z-]+)").matcher(rule.group(1));
            while (name.find()) {
                classes.add(name.group(1));
            }
            assertThat(rule.group(2).split(";")).allSatisfy(declaration ->
                    assertThat(declaration.isBlank() || declaration.contains("!important")).as(declaration).isTrue());
        }
        assertThat(classes).contains("nb-page", "nb-card", "nb-text", "nb-muted", "nb-link");
        classes.forEach(name -> assertThat(email.body().getElementsByClass(name)).as("elements of class %s", name).isNotEmpty());
        // Body text and headlines switch colour: they carry a class the overrides name.
        assertThat(email.select("h1, h2, p:not(.nb-preheader)")).allSatisfy(block ->
                assertThat(block.classNames()).containsAnyOf("nb-text", "nb-muted", "nb-accent"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void everyEmailLinkIsAbsoluteAndPointsWhereEditionPathsWritesTheFile(String tag) {
        Document email = email(tag);
        Set<String> expected = new LinkedHashSet<>();
        for (StorySource source : SOURCES) {
            String id = source.story().id();
            expected.add(absolute(EditionPaths.brief(id, tag)));
            expected.add(absolute(EditionPaths.pdf(id, tag)));
            assertThat(email.select("h2 a").eachAttr("href")).contains(absolute(tag + "/" + id + ".html"));
            assertThat(email.select("a.nb-pdf").eachAttr("href")).contains(absolute(tag + "/" + id + ".pdf"));
        }
        expected.add(absolute("newsletters/morning/" + tag + "/3.html"));
        expected.add(absolute("newsletters/morning/" + tag + "/index.html"));
        expected.add("https://briefs.example.org/unsubscribe?list=morning.briefs.example.org&address=");
        assertThat(new LinkedHashSet<>(email.select("a").eachAttr("href"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(email.select("a.nb-archive").attr("href")).isEqualTo(absolute(EditionPaths.archive(NEWSLETTER, tag)));
        assertThat(email.select("a.nb-unsubscribe").attr("href")).isEqualTo(EditionPaths.unsubscribePage(NEWSLETTER).toString());
    }

    /** Each headline and standfirst is the brief's own wording, in the email, the web version and the text. */
    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void headlinesAndStandfirstsAreTheBriefs(String tag) {
        List<Catalog> languages = LANGUAGES.stream().map(TRANSLATIONS::catalog).toList();
        Document email = email(tag);
        Document web = Jsoup.parse(page(tag).webHtml());
        String text = page(tag).text().replaceAll("\\s+", " ");
        List<String> briefHeadlines = new ArrayList<>();
        List<String> briefStandfirsts = new ArrayList<>();
        for (StorySource source : SOURCES) {
            Document brief = Jsoup.parse(new HtmlBrief(RENDERER).render(source.story(), TRANSLATIONS.catalog(tag, source), languages));
            briefHeadlines.add(brief.selectFirst("h1").text());
            briefStandfirsts.add(brief.selectFirst("p.standfirst").text());
        }
        assertThat(email.select("h2 a").eachText()).containsExactlyElementsOf(briefHeadlines);
        assertThat(web.select("h2 a").eachText()).containsExactlyElementsOf(briefHeadlines);
        assertThat(email.select("h2 + p").eachText()).containsExactlyElementsOf(briefStandfirsts);
        assertThat(web.select("p.standfirst").eachText()).containsExactlyElementsOf(briefStandfirsts);
        for (int i = 0; i < SOURCES.size(); i++) {
            // The plain text is not typeset: its no-break spaces and hyphens are plain ones.
            assertThat(Plain.text(text)).contains(Plain.text(briefHeadlines.get(i)), Plain.text(briefStandfirsts.get(i)));
        }
        // The preheader counts them and lists them.
        assertThat(page(tag).preheader()).contains(briefHeadlines.toArray(String[]::new));
    }

    /** Subject and dates as each language's press writes them, on the edition's day in the language's zone. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hy|Առավոտյան տեղեկագիր — № 3, 2025 թ. օգոստոսի 9|Թողարկում № 3|2025 թ. օգոստոսի 9",
            "az|Səhər bülleteni — № 3, 9 avqust 2025|Buraxılış № 3|9 avqust 2025",
            "ru|Утренняя сводка — № 3, 9 августа 2025 г.|Выпуск № 3|9 августа 2025 г.",
            "en|The Morning Brief — No. 3, August 8, 2025|Edition No. 3|August 8, 2025"})
    void subjectAndDateAreInTheLanguagesZoneAndStyle(String tag, String subject, String edition, String date) {
        assertThat(page(tag).subject().replace('\u00A0', ' ').replace('\u202F', ' ')).isEqualTo(subject);
        Document web = Jsoup.parse(page(tag).webHtml());
        assertThat(web.selectFirst("h1").text().replace('\u00A0', ' ').replace('\u202F', ' ')).isEqualTo(edition);
        assertThat(web.selectFirst("time").text().replace('\u00A0', ' ').replace('\u202F', ' ')).isEqualTo(date);
        assertThat(web.selectFirst("time").attr("datetime")).isEqualTo(tag.equals("en") ? "2025-08-08" : "2025-08-09");
        assertThat(email(tag).select("h1 + p").text().replace('\u00A0', ' ').replace('\u202F', ' ')).isEqualTo(edition + " · " + date);
        assertThat(email(tag).selectFirst("h1").text()).isEqualTo(NEWSLETTER.language(tag).title());
    }

    /** No word of the English newsletter wording turns up in the other languages' pages. */
    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru"})
    void noEnglishLeftovers(String tag) throws IOException {
        var english = Renderer.functions(TRANSLATIONS.catalog("en"));
        Map<String, Object> arguments = Map.of("title", "", "number", "", "date", LocalDate.of(2025, 8, 9),
                "count", 2, "headlines", "");
        Set<String> englishWords = new HashSet<>();
        for (String key : TRANSLATIONS.catalog("en").messages().keySet()) {
            if (key.startsWith("newsletter.")) {
                englishWords.addAll(words(english.msg(key, arguments)));
            }
        }
        englishWords.addAll(words(NEWSLETTER.language("en").title()));
        // Words the language's own messages use (PDF, Atom) are its words too.
        englishWords.removeAll(words(String.join(" ", TRANSLATIONS.catalog(tag).messages().values())));
        assertThat(englishWords).contains("browser", "unsubscribe", "edition", "stories");
        EditionPages.Page page = page(tag);
        String archive = new EditionPages(RENDERER).archive(NEWSLETTER, tag, TRANSLATIONS.catalog(tag),
                List.of(new EditionPages.ArchiveEntry(1, AT, items(tag, 1)), new EditionPages.ArchiveEntry(2, AT, List.of())));
        for (String output : List.of(page.subject(), page.preheader(), Jsoup.parse(page.emailHtml()).text(),
                Jsoup.parse(page.webHtml()).text(), page.text().replaceAll("https://\\S+", ""), Jsoup.parse(archive).text())) {
            Set<String> found = words(output);
            found.retainAll(englishWords);
            assertThat(found).as("English words in %s output", tag).isEmpty();
        }
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher word = Pattern.compile("[A-Za-z]{3,}").matcher(text);
        while (word.find()) {
            words.add(word.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** Russian needs all three plural forms: 1 and 21 материал, 2 материала, 5 материалов. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ru|1|В выпуске 1 материал: ",
            "ru|2|В выпуске 2 материала: ",
            "ru|5|В выпуске 5 материалов: ",
            "ru|21|В выпуске 21 материал: ",
            "en|1|1 story in this edition: ",
            "en|2|2 stories in this edition: ",
            "hy|5|Այս թողարկումում՝ 5 նյութ։ ",
            "az|21|Bu buraxılışda 21 yazı: "})
    void preheaderCountsTheStoriesWithThePluralRules(String tag, int count, String start) {
        EditionPages.Page page = page(tag, count);
        assertThat(page.preheader()).startsWith(start);
        // Then every headline, joined by the separator.
        assertThat(page.preheader().substring(start.length()).split(" · ")).hasSize(count);
        assertThat(Jsoup.parse(page.emailHtml()).body().child(0).text()).startsWith(page.preheader());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "ru"})
    void webVersionLinksAreRelativeToWhereItIsServed(String tag) {
        String served = absolute(EditionPaths.web(NEWSLETTER, tag, NUMBER));
        Document web = Jsoup.parse(page(tag).webHtml(), served);
        for (StorySource source : SOURCES) {
            String id = source.story().id();
            assertThat(web.select("h2 a").eachAttr("href")).contains("../../../" + tag + "/" + id + ".html");
            assertThat(web.select("a[type=application/pdf]").eachAttr("abs:href")).contains(absolute(EditionPaths.pdf(id, tag)));
        }
        assertThat(web.select("a[href]").eachAttr("href")).allSatisfy(href -> assertThat(href).doesNotStartWith("http"));
        Element feed = web.selectFirst("link[rel=alternate][type=application/atom+xml]");
        assertThat(feed.absUrl("href")).isEqualTo(absolute(EditionPaths.feed(NEWSLETTER, tag)));
        assertThat(web.select(".edition-nav a").eachAttr("abs:href")).containsExactly(
                absolute(EditionPaths.archive(NEWSLETTER, tag)), absolute(EditionPaths.feed(NEWSLETTER, tag)));
    }

    /** The archive lists editions newest first, each with its number, ICU date and headlines, linking to its web version. */
    @Test
    void archiveListsEditionsNewestFirst() {
        String tag = "ru";
        List<EditionPages.ArchiveEntry> entries = List.of(
                new EditionPages.ArchiveEntry(3, AT, items(tag, 3)),
                new EditionPages.ArchiveEntry(2, Instant.parse("2025-08-07T21:30:00Z"), items(tag, 1)),
                new EditionPages.ArchiveEntry(1, Instant.parse("2024-12-31T21:30:00Z"), List.of()));
        String served = absolute(EditionPaths.archive(NEWSLETTER, tag));
        Document archive = Jsoup.parse(new EditionPages(RENDERER).archive(NEWSLETTER, tag, TRANSLATIONS.catalog(tag), entries), served);
        assertThat(archive.selectFirst("html").attr("lang")).isEqualTo("ru");
        assertThat(archive.title()).isEqualTo("Утренняя сводка — архив выпусков");
        assertThat(archive.select("article h2").eachText()).extracting(s -> s.replace('\u00A0', ' ').replace('\u202F', ' '))
                .containsExactly("Выпуск № 3", "Выпуск № 2", "Выпуск № 1");
        assertThat(archive.select("article h2 a").eachAttr("abs:href")).containsExactly(
                absolute(EditionPaths.web(NEWSLETTER, tag, 3)), absolute(EditionPaths.web(NEWSLETTER, tag, 2)),
                absolute(EditionPaths.web(NEWSLETTER, tag, 1)));
        // 21:30 UTC on 31 December is already 1 January in Moscow.
        assertThat(archive.select("article time").eachText()).extracting(s -> s.replace('\u00A0', ' ').replace('\u202F', ' '))
                .containsExactly("9 августа 2025 г.", "8 августа 2025 г.", "1 января 2025 г.");
        assertThat(archive.select("article time").eachAttr("datetime")).containsExactly("2025-08-09", "2025-08-08", "2025-01-01");
        Document email = email(tag);
        assertThat(archive.select("article").get(0).select("li").eachText()).containsExactlyElementsOf(email.select("h2 a").eachText());
        assertThat(archive.select("article").get(1).select("li a").eachAttr("abs:href"))
                .containsExactly(absolute(EditionPaths.brief(SOURCES.get(0).story().id(), tag)));
        assertThat(archive.select("article").get(2).select("li")).isEmpty();
        assertThat(archive.select("article").get(2).text()).contains("Материалы этого выпуска больше недоступны.");
        Element feed = archive.selectFirst("head link[rel=alternate][type=application/atom+xml]");
        assertThat(feed.absUrl("href")).isEqualTo(absolute(EditionPaths.feed(NEWSLETTER, tag)));
    }

    @Test
    void anEmptyArchiveSaysSo() {
        Document archive = Jsoup.parse(new EditionPages(RENDERER).archive(NEWSLETTER, "hy", TRANSLATIONS.catalog("hy"), List.of()));
        assertThat(archive.select("main").text()).contains("Թողարկումներ դեռ չկան։");
    }

    @Test
    void aCatalogOfAnotherLanguageIsRefused() {
        EditionPages pages = new EditionPages(RENDERER);
        assertThatThrownBy(() -> pages.edition(NEWSLETTER, edition(3), "hy", TRANSLATIONS.catalog("ru"), items("hy", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ru'").hasMessageContaining("'hy'");
        assertThatThrownBy(() -> pages.edition(NEWSLETTER, edition(3), "hy", TRANSLATIONS.catalog("hy"), items("ru", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 'hy'");
        assertThatThrownBy(() -> pages.archive(NEWSLETTER, "de", TRANSLATIONS.catalog("en"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renderingTwiceGivesTheSameBytes() {
        EditionPages.Page again = page("hy", 3);
        assertThat(again).isEqualTo(page("hy"));
    }

    /** The web version and the archive pass the Nu Html Checker (the email's old-style table attributes would not, by design). */
    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void webVersionAndArchiveAreValidHtml(String tag, @TempDir Path dir) throws Exception {
        Path web = Files.writeString(dir.resolve("3.html"), page(tag).webHtml());
        Path archive = Files.writeString(dir.resolve("index.html"), new EditionPages(RENDERER).archive(NEWSLETTER, tag,
                TRANSLATIONS.catalog(tag), List.of(new EditionPages.ArchiveEntry(3, AT, items(tag, 3)),
                        new EditionPages.ArchiveEntry(1, AT, List.of()))));
        assertValid(web);
        assertValid(archive);
    }

    private static void assertValid(Path page) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        JsonNode report = new ObjectMapper().readTree(validator.validate(page));
        List<String> errors = new ArrayList<>();
        for (JsonNode message : report.path("messages")) {
            if (!message.path("type").asText().equals("info")) {
                errors.add(message.path("type").asText() + " line " + message.path("lastLine").asText() + ": " + message.path("message").asText());
            }
        }
        assertThat(errors).as("vnu errors in %s", page).isEmpty();
    }

    /**
     * A right-to-left language gets dir="rtl" on every page. None of the four shipped languages is one, so Hebrew
     * borrows the English wording here: only the direction is under test.
     */
    @Test
    void aRightToLeftLanguageGetsDirRtl() {
        Catalog english = TRANSLATIONS.catalog("en");
        Catalog hebrew = new Catalog("he", ULocale.forLanguageTag("he"), english.messagesFile(), english.messages(), Map.of(),
                english.lexicon());
        Map<String, Newsletter.Language> languages = new java.util.LinkedHashMap<>(NEWSLETTER.languages());
        Newsletter.Language en = NEWSLETTER.language("en");
        languages.put("he", new Newsletter.Language("he", en.title(), en.from(), en.zone(), en.subscribers()));
        Newsletter withHebrew = new Newsletter(NEWSLETTER.name(), NEWSLETTER.file(), NEWSLETTER.list(), NEWSLETTER.web(),
                NEWSLETTER.unsubscribe(), NEWSLETTER.stories(), NEWSLETTER.schedule(), NEWSLETTER.delivery(), languages);
        EditionPages pages = new EditionPages(RENDERER);

        EditionPages.Page page = pages.edition(withHebrew, new Edition(NEWSLETTER.name(), NUMBER, AT, List.of(), false), "he", hebrew,
                List.of());
        for (String html : List.of(page.emailHtml(), page.webHtml(), pages.archive(withHebrew, "he", hebrew, List.of()))) {
            Element root = Jsoup.parse(html).selectFirst("html");
            assertThat(root.attr("lang")).isEqualTo("he");
            assertThat(root.attr("dir")).isEqualTo("rtl");
        }
    }
}
