package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.newsbrief.Fixtures;
import dev.newsbrief.font.FontConfig;
import dev.newsbrief.font.WebFonts;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import dev.newsbrief.testing.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The HTML brief on a screen: the type of the PDF inlined in the page, and (in Debian's Chromium,
 * headless, through ChromeDriver) a layout that fits a phone and a desktop in every language, and a
 * dark scheme. The browser tests are skipped when Chromium is not installed, unless
 * {@code NEWSBRIEF_REQUIRE_BROWSER} is set (CI), when that is a failure. With
 * {@code -Dnewsbrief.screenshots=<dir>} they save what they saw there.
 */
class HtmlScreenTest {
    private static final Translations TRANSLATIONS = new Translations(new ResourceSet("translations", null));
    private static final FontConfig FONTS = FontConfig.load(new ResourceSet("templates", null), Limits.DEFAULT);
    private static final HtmlBrief BRIEF = new HtmlBrief(new Renderer(null), new WebFonts(FONTS));
    private static final StorySource STORY = Fixtures.repositoryStories().get(0);
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();

    /** The default story's page in {@code tag}, as the builder makes it (with every language in the switcher). */
    static String page(String tag) {
        return PAGES.computeIfAbsent(tag, t -> {
            List<Catalog> languages = Fixtures.LANGUAGES.stream().sorted().map(other -> TRANSLATIONS.catalog(other, STORY)).toList();
            return BRIEF.render(STORY.story(), TRANSLATIONS.catalog(t, STORY), languages);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void thePageCarriesItsFontsAndNothingFromOutside(String tag) {
        String html = page(tag);
        Document page = Jsoup.parse(html);
        String css = page.select("style").html();
        assertThat(css).doesNotContain(HtmlBrief.FONTS_PLACEHOLDER)
                .contains("@font-face { font-family: \"" + FONTS.families(tag).get(0) + "\"")
                .contains("[lang=\"" + tag + "\"] { font-family: " + WebFonts.stack(FONTS.families(tag)) + "; }")
                // The switcher names Armenian in Armenian on every page, so every page gets its stack and face.
                .contains("[lang=\"hy\"] { font-family: " + WebFonts.stack(FONTS.families("hy")) + "; }")
                .contains("@font-face { font-family: \"Noto Serif Armenian\"");
        assertThat(css.replaceAll("url\\(data:[^)]*\\)", "")).doesNotContain("url(");
        assertThat(page.select("link[rel=stylesheet], script[src], img[src], link[rel=preload]")).isEmpty();
    }

    @Test
    void withoutWebFontsThePlaceholderGoes() {
        List<Catalog> languages = List.of(TRANSLATIONS.catalog("en", STORY));
        String html = new HtmlBrief(new Renderer(null)).render(STORY.story(), TRANSLATIONS.catalog("en", STORY), languages);
        assertThat(html).doesNotContain(HtmlBrief.FONTS_PLACEHOLDER).doesNotContain("@font-face");
    }

    /** What the fonts are cut to: what a reader sees, with character references as the characters they stand for. */
    @Test
    void theVisibleTextIsWhatTheFontsDraw() {
        String text = HtmlBrief.visibleText("<html lang=\"en\"><head><style>body { content: \"Q\"; }</style>"
                + "<script type=\"application/ld+json\">{\"x\":\"Z\"}</script></head>"
                + "<body><p title=\"W\">Armenia&#39;s &amp; &lt;b&gt; &#x0535;</p><!-- X --></body></html>");
        assertThat(text.strip().replaceAll("\\s+", " ")).isEqualTo("Armenia's & <b> Ե");
        assertThat(HtmlBrief.languagesMarked("<html lang=\"ru\"><a hreflang=\"az\" lang=\"az\">x</a><span lang=\"en\">",
                "ru")).containsExactly("ru", "az", "en");
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class InABrowser {

        private ChromeDriver driver;
        private Path profile;
        private Path pages;

        @BeforeAll
        void startBrowser() throws IOException {
            profile = Files.createTempDirectory("newsbrief-chromium-");
            driver = Chromium.start(profile);
            pages = Files.createTempDirectory("newsbrief-screen-");
        }

        @AfterAll
        void stopBrowser() throws IOException {
            if (driver != null) {
                driver.quit();
            }
            for (Path dir : new Path[] {profile, pages}) {
                if (dir != null) {
                    try (var walk = Files.walk(dir)) {
                        walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                    }
                }
            }
        }

        private void open(String tag, int width) throws IOException {
            Path file = pages.resolve(tag).resolve(STORY.story().id() + ".html");
            Files.createDirectories(file.getParent());
            Files.writeString(file, page(tag));
            driver.get(file.toUri().toString());
            assertThat(viewport(width)).isEqualTo(width);
        }

        /** Sizes the window so that the page's viewport is {@code width} px wide (the window's frame, if any, added). */
        private long viewport(int width) {
            driver.manage().window().setSize(new Dimension(width, 1800));
            long inner = number("return window.innerWidth");
            long outer = driver.manage().window().getSize().getWidth();
            if (inner != width) {
                driver.manage().window().setSize(new Dimension((int) (width + outer - inner), 1800));
                inner = number("return window.innerWidth");
            }
            return inner;
        }

        private Object script(String script, Object... arguments) {
            return ((JavascriptExecutor) driver).executeScript(script, arguments);
        }

        private long number(String script, Object... arguments) {
            return ((Number) script(script, arguments)).longValue();
        }

        private String string(String script, Object... arguments) {
            return (String) script(script, arguments);
        }

        private void screenshot(String name) throws IOException {
            String dir = System.getProperty("newsbrief.screenshots");
            if (dir != null) {
                Files.write(Files.createDirectories(Path.of(dir)).resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            }
        }

        @ParameterizedTest
        @CsvSource({"hy, 320", "hy, 375", "az, 375", "ru, 375", "en, 375", "hy, 1280", "az, 1280", "ru, 1280", "en, 1280"})
        void nothingSticksOutSideways(String tag, int width) throws IOException {
            open(tag, width);
            assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(width);
            screenshot(tag + "-" + width);
        }

        /**
         * The languages share one line, or the list scrolls sideways: never one language alone on a
         * line. At 320 px (the narrowest phones) they do not fit, so there it must scroll.
         */
        @ParameterizedTest
        @CsvSource({"hy, 320", "ru, 320", "hy, 375", "az, 375", "ru, 375", "en, 375", "hy, 1280", "az, 1280", "ru, 1280", "en, 1280"})
        void theSwitcherIsOneLine(String tag, int width) throws IOException {
            open(tag, width);
            @SuppressWarnings("unchecked")
            List<Number> tops = (List<Number>) script(
                    "return Array.from(document.querySelectorAll('nav.languages li')).map(li => li.offsetTop)");
            assertThat(tops).hasSize(Fixtures.LANGUAGES.size());
            boolean oneLine = tops.stream().map(Number::longValue).distinct().count() == 1;
            boolean scrolls = (Boolean) script("const nav = document.querySelector('nav.languages');"
                    + " const overflow = getComputedStyle(nav).overflowX;"
                    + " return (overflow === 'auto' || overflow === 'scroll') && nav.scrollWidth > nav.clientWidth");
            assertThat(oneLine || scrolls).as("items at %s, scrollable: %s", tops, scrolls).isTrue();
            // However it scrolls, the list itself stays inside the page.
            assertThat(number("return Math.ceil(document.querySelector('nav.languages').getBoundingClientRect().right)"))
                    .isLessThanOrEqualTo(width);
        }

        /**
         * On a phone each key fact's label sits above its value, the value the phone's width; on a
         * tablet beside it; on a desktop the key facts are a sidebar right of the text, labels above values.
         */
        @ParameterizedTest
        @CsvSource({"hy, 375", "az, 375", "ru, 375", "en, 375", "hy, 800", "en, 800", "hy, 1280", "az, 1280", "ru, 1280", "en, 1280"})
        void keyFactsStackOnAPhoneAndStandBesideTheTextOnADesktop(String tag, int width) throws IOException {
            open(tag, width);
            @SuppressWarnings("unchecked")
            List<Map<String, Number>> rows = (List<Map<String, Number>>) script(
                    "return Array.from(document.querySelectorAll('.key-facts tr')).map(tr => {"
                    + " const th = tr.querySelector('th').getBoundingClientRect(), td = tr.querySelector('td').getBoundingClientRect();"
                    + " return {thTop: th.top, thBottom: th.bottom, thRight: th.right, tdTop: td.top, tdLeft: td.left, tdWidth: td.width}; })");
            assertThat(rows).hasSizeGreaterThan(3);
            for (Map<String, Number> row : rows) {
                double thBottom = row.get("thBottom").doubleValue();
                double tdTop = row.get("tdTop").doubleValue();
                if (width < 600) {
                    assertThat(tdTop).as("value under its label: %s", row).isGreaterThanOrEqualTo(thBottom - 1);
                    // The value has the phone's width to itself, so a date stays on one or two lines.
                    assertThat(row.get("tdWidth").doubleValue()).as("value width: %s", row).isGreaterThan(width * 0.75);
                } else if (width >= 1200) {
                    assertThat(tdTop).as("value under its label in the sidebar: %s", row).isGreaterThanOrEqualTo(thBottom - 1);
                } else {
                    assertThat(Math.abs(tdTop - row.get("thTop").doubleValue())).as("value beside its label: %s", row).isLessThan(2);
                    assertThat(row.get("tdLeft").doubleValue()).as("value right of its label: %s", row)
                            .isGreaterThanOrEqualTo(row.get("thRight").doubleValue() - 1);
                }
            }
        }

        /** On a desktop the key facts stand beside the first section, not above it: the text starts at the top. */
        @ParameterizedTest
        @ValueSource(strings = {"hy", "az", "ru", "en"})
        void keyFactsAreASidebarOnADesktop(String tag) throws IOException {
            open(tag, 1280);
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) script(
                    "const facts = document.querySelector('.key-facts').getBoundingClientRect();"
                    + " const first = document.querySelector('.key-facts ~ section').getBoundingClientRect();"
                    + " return {factsLeft: facts.left, factsTop: facts.top, firstRight: first.right, firstTop: first.top, firstWidth: first.width};");
            assertThat(box.get("factsLeft").doubleValue()).as("key facts right of the text: %s", box)
                    .isGreaterThanOrEqualTo(box.get("firstRight").doubleValue());
            assertThat(Math.abs(box.get("factsTop").doubleValue() - box.get("firstTop").doubleValue())).as("side by side: %s", box).isLessThan(60);
            // The text keeps a reading measure (about 45–75 characters), not the whole window.
            assertThat(box.get("firstWidth").doubleValue()).as("text column: %s", box).isBetween(560.0, 800.0);
        }

        /** On a phone the story's first section follows the standfirst; the key facts come after it. */
        @ParameterizedTest
        @ValueSource(strings = {"hy", "az", "ru", "en"})
        void onAPhoneTheTextComesBeforeTheKeyFacts(String tag) throws IOException {
            open(tag, 375);
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) script(
                    "const header = document.querySelector('article > header').getBoundingClientRect();"
                    + " const facts = document.querySelector('.key-facts').getBoundingClientRect();"
                    + " const first = document.querySelector('.key-facts ~ section').getBoundingClientRect();"
                    + " return {headerBottom: header.bottom, factsTop: facts.top, firstTop: first.top, firstBottom: first.bottom};");
            assertThat(box.get("firstTop").doubleValue()).as("first section right after the header: %s", box)
                    .isBetween(box.get("headerBottom").doubleValue(), box.get("headerBottom").doubleValue() + 120);
            assertThat(box.get("factsTop").doubleValue()).as("key facts after the first section: %s", box)
                    .isGreaterThanOrEqualTo(box.get("firstBottom").doubleValue());
        }

        /** The headline is set in the page's own copy of the PDF's type, not a system font. */
        @ParameterizedTest
        @ValueSource(strings = {"hy", "az", "ru", "en"})
        void theTypeIsThePdfsInlined(String tag) throws IOException {
            open(tag, 1280);
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + " document.fonts.ready.then(() => done(Array.from(document.fonts)"
                    + "   .filter(face => face.status === 'loaded')"
                    + "   .map(face => face.family.replace(/\"/g, '') + ' ' + face.weight + ' ' + face.style)));");
            String primary = FONTS.families(tag).get(0);
            assertThat(loaded).contains("Noto Serif 400 normal", "Noto Serif 700 normal", primary + " 700 normal");
            if (tag.equals("hy")) {
                // Armenian letters come from Noto Serif Armenian whatever the order of the stack: in the headline, bold.
                assertThat(loaded).contains("Noto Serif Armenian 400 normal", "Noto Serif Armenian 700 normal");
            }
            // A face loads only when text uses it: the bold of the primary family is the headline's.
            assertThat(string("return getComputedStyle(document.querySelector('h1')).fontFamily")).startsWith("\"" + primary + "\"");
        }

        /** With the reader's system in dark mode: a dark page with light text, at WCAG AA contrast at least. */
        @ParameterizedTest
        @CsvSource({"hy, 375", "az, 375", "ru, 1280", "en, 1280"})
        void isReadableInDarkMode(String tag, int width) throws IOException {
            open(tag, width);
            try {
                driver.executeCdpCommand("Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
                String paper = string("return getComputedStyle(document.body).backgroundColor");
                assertThat(luminance(paper)).as("page background %s", paper).isLessThan(0.05);
                String panel = string("return getComputedStyle(document.querySelector('.key-facts table')).backgroundColor");
                assertThat(luminance(panel)).as("key-facts background %s", panel).isLessThan(0.05);
                for (String selector : List.of("body", "h1", ".standfirst", ".dateline", ".kicker", "nav.languages a", "section:not(.key-facts) p")) {
                    assertContrast(selector, paper);
                }
                for (String selector : List.of(".key-facts th", ".key-facts td")) {
                    assertContrast(selector, panel);
                }
                screenshot(tag + "-" + width + "-dark");
            } finally {
                driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
            }
        }

        private void assertContrast(String selector, String background) {
            String color = string("return getComputedStyle(document.querySelector(arguments[0])).color", selector);
            assertThat(luminance(color)).as("%s is light: %s", selector, color).isGreaterThan(0.3);
            double contrast = (luminance(color) + 0.05) / (luminance(background) + 0.05);
            assertThat(contrast).as("%s: %s on %s", selector, color, background).isGreaterThanOrEqualTo(4.5);
        }
    }

    /** WCAG relative luminance of a CSS rgb()/rgba() colour. */
    private static double luminance(String css) {
        Matcher rgb = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(css);
        assertThat(rgb.find()).as("a colour: %s", css).isTrue();
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(rgb.group(i + 1)) / 255.0;
            channels[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }
}
