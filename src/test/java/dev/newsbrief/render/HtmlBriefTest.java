package dev.newsbrief.render;

import dev.newsbrief.testing.Plain;
import static dev.newsbrief.Fixtures.LANGUAGES;
import static dev.newsbrief.Fixtures.defaultBrief;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.util.ULocale;
import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Lexicon;
import dev.newsbrief.model.StoryLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parses the four generated briefs of the default story and checks structure and language. */
class HtmlBriefTest {

    /** Text with no-break spaces and hyphens (ICU's, and the typography rules') made plain, for readable assertions. */
    private static String text(Element element) {
        return Plain.text(element.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void semanticStructure(String tag) {
        Document doc = defaultBrief(tag);
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo(tag);
        assertThat(doc.select("main article")).hasSize(1);
        assertThat(doc.select("h1")).hasSize(1);
        assertThat(doc.select("table th[scope=row]")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(doc.select("section.quotes figure")).hasSize(4);
        // The reader's language first; the English original beside it, marked with its language.
        assertThat(doc.select("section.quotes blockquote")).hasSize(4);
        assertThat(doc.select("section.quotes blockquote[lang=en]")).hasSize(tag.equals("en") ? 4 : 0);
        assertThat(doc.select("section.quotes p.original [lang=en]")).hasSize(tag.equals("en") ? 0 : 4);
        assertThat(doc.select("time[datetime=2025-08-08]")).isNotEmpty();
        // Headings never skip a level.
        int previous = 1;
        for (Element heading : doc.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            assertThat(level).as("heading '%s'", heading.text()).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void languageSwitcherLinksEveryLanguageWithHreflang(String tag) {
        Document doc = defaultBrief(tag);
        assertThat(doc.select("link[rel=alternate][hreflang]")).extracting(e -> e.attr("hreflang"))
                .containsExactlyInAnyOrderElementsOf(LANGUAGES);
        assertThat(doc.select("nav a[hreflang]")).extracting(e -> e.attr("lang") + ":" + e.text())
                .containsExactlyInAnyOrder("en:English", "hy:Հայերեն", "az:Azərbaycan dili", "ru:Русский");
        assertThat(doc.select("nav a[aria-current=page]").attr("hreflang")).isEqualTo(tag);
        assertThat(doc.select("nav a[hreflang=ru]").attr("href")).isEqualTo("../ru/armenia-azerbaijan-peace-2025.html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void jsonLdDescribesTheNewsArticle(String tag) throws Exception {
        Document doc = defaultBrief(tag);
        JsonNode json = new ObjectMapper().readTree(doc.selectFirst("script[type=application/ld+json]").data());
        assertThat(json.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(json.path("inLanguage").asText()).isEqualTo(tag);
        assertThat(json.path("headline").asText()).isEqualTo(doc.selectFirst("h1").text());
        assertThat(json.path("datePublished").asText()).isEqualTo("2025-08-08");
        assertThat(json.path("mentions")).hasSize(3);
    }

    /** The page opens offline from file://: no scripts, styles, images or fonts from anywhere. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void noExternalResources(String tag) {
        Document doc = defaultBrief(tag);
        assertThat(doc.select("link[rel=stylesheet], script[src], img, iframe, object, embed, video, audio, source")).isEmpty();
        // The only URLs are the inlined fonts' data: URLs.
        assertThat(doc.select("style").html().replaceAll("url\\(data:[^)]*\\)", "")).doesNotContain("url(", "@import");
        for (Element link : doc.select("[href]")) {
            assertThat(link.attr("href")).as("href").doesNotContain("://").doesNotStartWith("//");
        }
    }

    @Test
    void russianBriefHasCasesPluralsAndDates() {
        Document doc = defaultBrief("ru");
        String body = text(doc.body());
        assertThat(text(doc.selectFirst("h1"))).isEqualTo("Армения и Азербайджан подписали мирное соглашение в Белом доме");
        assertThat(body).contains("32 километра", "8 августа 2025 г.", "99 лет", "с девятью заинтересованными компаниями",
                "между Арменией и Азербайджаном", "на церемонии, организованной президентом США Дональдом Трампом", "в 2020 и 2023 годах",
                "более трех десятилетий", "ВАШИНГТОН");
        assertThat(text(doc.selectFirst("section.quotes blockquote"))).isEqualTo("«Тридцать пять лет они воевали, а теперь они друзья».");
        assertThat(text(doc.selectFirst("section.quotes p.original"))).startsWith("Оригинал на английском:")
                .contains("Thirty-five years they fought");
    }

    @Test
    void azerbaijaniBriefHasDatesAndDottedCapitalI() {
        Document doc = defaultBrief("az");
        String body = text(doc.body());
        assertThat(body).contains("8 avqust 2025", "32 kilometr", "99 il", "İlham Əliyev", "2023-cü ildə", "2022-ci ildə");
        assertThat(text(doc.selectFirst(".dateline .city"))).isEqualTo("VAŞİNQTON");
    }

    @Test
    void armenianBriefHasArmenianPunctuationAndDate() {
        Document doc = defaultBrief("hy");
        String body = text(doc.body());
        assertThat(body).contains("2025 թ. օգոստոսի 8", "32 կիլոմետր", "99 տարի", "«");
        for (Element paragraph : doc.select("article section > p")) {
            String sentence = text(paragraph).strip();
            assertThat(sentence).as("Armenian sentence ends with ։").endsWith("։");
            assertThat(sentence).as("no Latin full stop closing an Armenian sentence").doesNotContainPattern("[\\p{IsArmenian}»]\\.(\\s|$)");
        }
    }

    @Test
    void englishBriefReadsAsEnglish() {
        Document doc = defaultBrief("en");
        assertThat(text(doc.selectFirst("h1"))).isEqualTo("Armenia and Azerbaijan sign peace agreement at the White House");
        assertThat(text(doc.body())).contains("Friday, August 8, 2025", "32 kilometers", "99 years", "at least nine interested firms",
                "Azerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan", "next week");
        assertThat(doc.select("p.original")).as("English quotes need no original beside them").isEmpty();
    }

    /** Each press names its own country first: az Azerbaijan, hy Armenia; ru and en keep the story's order. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "az | Azərbaycan | Ermənistan",
        "hy | Հայաստան | Ադրբեջան",
        "ru | Армения | Азербайджан",
        "en | Armenia | Azerbaijan"})
    void partyOrderFollowsEachLanguagesPress(String tag, String first, String second) {
        Document doc = defaultBrief(tag);
        String headline = text(doc.selectFirst("h1"));
        assertThat(headline.indexOf(first)).as("headline: %s", headline).isGreaterThanOrEqualTo(0).isLessThan(headline.indexOf(second));
        assertThat(doc.select("section[aria-labelledby=benefits] h3").eachText()).first().asString().startsWith(first);
        String parties = text(doc.select("section.key-facts tr").get(2).selectFirst("td"));
        assertThat(parties.indexOf(first)).as("parties row: %s", parties).isLessThan(parties.indexOf(second));
    }

    /**
     * No English left in the other briefs: in text marked as the page's language (quotes and
     * the source title are marked lang="en", the switcher's names by their own language), the
     * only Latin words in hy and ru are names their press writes in Latin; az has no English words.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hy", "ru", "az"})
    void noEnglishLeftovers(String tag) {
        Document doc = defaultBrief(tag);
        StringBuilder own = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode && languageOf(node).equals(tag) && !insideScriptOrStyle(node)) {
                    own.append(textNode.text()).append(' ');
                }
            }
        }, doc.body());
        List<String> allowedLatin = List.of("TRIPP", "newsbrief");
        Matcher latin = Pattern.compile("(?<!\\p{L})[A-Za-z]{2,}(?!\\p{L})").matcher(own);
        while (latin.find()) {
            if (tag.equals("az")) {
                assertThat(latin.group()).as("English word in az text").isNotIn(
                        "the", "and", "of", "with", "for", "President", "Prime", "Minister", "Key", "facts", "signed", "agreement", "peace", "route");
            } else {
                assertThat(latin.group()).as("Latin word in %s text", tag).isIn(allowedLatin);
            }
        }
        assertThat(doc.select("nav a[lang=en]")).hasSize(1);
    }

    /**
     * The switcher links each language of the build to the same story, named by that language's
     * meta.languageName, or by ICU in that language when its messages lack one.
     */
    @Test
    void alternatesNameEachLanguageInItself(@TempDir Path templates) throws IOException {
        Files.writeString(templates.resolve(HtmlBrief.TEMPLATE),
                "<#list alternates as a>${a.tag} ${a.href} ${a.name}<#sep> | </#list>");
        Lexicon lexicon = new Lexicon("inline-lexicon.yaml", List.of(), Map.of(), Map.of(), Map.of(), List.of());
        Catalog hy = new Catalog("hy", ULocale.forLanguageTag("hy"), "hy.yaml", Map.of("meta.languageName", "Հայերեն"), Map.of(), lexicon);
        Catalog ru = new Catalog("ru", ULocale.forLanguageTag("ru"), "ru.yaml", Map.of(), Map.of(), lexicon);
        String html = new HtmlBrief(new Renderer(templates))
                .render(new StoryLoader().load(Fixtures.fixture("render/story.yaml")), ru, List.of(hy, ru));
        assertThat(html).isEqualTo("hy ../hy/render-fixture-2025.html Հայերեն | ru ../ru/render-fixture-2025.html Русский");
    }

    /** The language of a text node: its nearest lang attribute. */
    private static String languageOf(Node node) {
        for (Node parent = node.parent(); parent instanceof Element element; parent = parent.parent()) {
            if (element.hasAttr("lang")) {
                return element.attr("lang");
            }
        }
        return "";
    }

    private static boolean insideScriptOrStyle(Node node) {
        return node.parent() instanceof Element element && (element.tagName().equals("script") || element.tagName().equals("style"));
    }
}
