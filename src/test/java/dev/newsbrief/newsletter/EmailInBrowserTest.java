package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.newsbrief.testing.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The email HTML in a real browser engine (Debian's Chromium, headless, through ChromeDriver):
 * no horizontal scrolling at 600 and 375 px, the content at most 600 px wide and filling a
 * phone's width, and readable text in dark mode. Skipped when Chromium is not installed,
 * unless {@code NEWSBRIEF_REQUIRE_BROWSER} is set (CI), when that is a failure.
 * With {@code -Dnewsbrief.screenshots=<dir>} it saves what it saw there.
 */
class EmailInBrowserTest {
    /** The wrapper cell's side padding at widths above the phone breakpoint (email.ftlh). */
    private static final int GUTTER = 8;

    private static ChromeDriver driver;
    private static Path profile;
    private static Path pages;

    @BeforeAll
    static void startBrowser() throws IOException {
        profile = Files.createTempDirectory("newsbrief-chromium-");
        driver = Chromium.start(profile);
        pages = Files.createTempDirectory("newsbrief-email-");
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        for (Path dir : new Path[] {profile, pages}) {
            if (dir != null) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private static void open(String tag) throws IOException {
        Path file = Files.writeString(pages.resolve(tag + ".email.html"), EditionPagesTest.page(tag).emailHtml());
        driver.get(file.toUri().toString());
    }

    /** Sizes the window so that the page's viewport is {@code width} px wide (the window's frame, if any, added). */
    private static long viewport(int width) {
        driver.manage().window().setSize(new Dimension(width, 1800));
        long inner = number("return window.innerWidth");
        long outer = driver.manage().window().getSize().getWidth();
        if (inner != width) {
            driver.manage().window().setSize(new Dimension((int) (width + outer - inner), 1800));
            inner = number("return window.innerWidth");
        }
        return inner;
    }

    private static long number(String script) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
    }

    private static double width(String selector) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector(arguments[0]).getBoundingClientRect().width", selector)).doubleValue();
    }

    private static void screenshot(String name) throws IOException {
        String dir = System.getProperty("newsbrief.screenshots");
        if (dir != null) {
            Path target = Files.createDirectories(Path.of(dir)).resolve(name + ".png");
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void fitsSixHundredPixelsWithoutScrolling(String tag) throws IOException {
        open(tag);
        assertThat(viewport(600)).isEqualTo(600);
        assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(600);
        assertThat(width("table.nb-content")).isLessThanOrEqualTo(600).isGreaterThanOrEqualTo(600 - 2 * GUTTER);
        screenshot(tag + "-600");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void fillsAPhoneWithoutScrolling(String tag) throws IOException {
        open(tag);
        assertThat(viewport(375)).isEqualTo(375);
        assertThat(number("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(375);
        // Edge to edge on a phone: the phone breakpoint drops the gutter.
        assertThat(width("table.nb-content")).isEqualTo(375);
        // Nothing inside sticks out either (a long word, a wide cell).
        assertThat(number("return Math.max(...Array.from(document.querySelectorAll('body *'))"
                + ".map(e => e.getBoundingClientRect().right))")).isLessThanOrEqualTo(375);
        screenshot(tag + "-375");
    }

    /** On a wide screen the content stops at 600 px and is centred. */
    @ParameterizedTest
    @ValueSource(strings = {"ru"})
    void staysSixHundredPixelsOnAWideScreen(String tag) throws IOException {
        open(tag);
        assertThat(viewport(1000)).isEqualTo(1000);
        assertThat(width("table.nb-content")).isEqualTo(600);
        double left = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('table.nb-content').getBoundingClientRect().left")).doubleValue();
        assertThat(left).isEqualTo(200);
    }

    /** With the reader's system in dark mode, text is light on a dark background, at WCAG AA contrast at least. */
    @ParameterizedTest
    @ValueSource(strings = {"hy", "ru"})
    void isReadableInDarkMode(String tag) throws IOException {
        open(tag);
        viewport(375);
        try {
            driver.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            String card = (String) ((JavascriptExecutor) driver).executeScript(
                    "return getComputedStyle(document.querySelector('table.nb-content')).backgroundColor");
            assertThat(luminance(card)).as("card background %s", card).isLessThan(0.05);
            for (String selector : List.of("h1", "h2 a", "h2 + p", "a.nb-brief", "td.nb-footer p")) {
                String color = (String) ((JavascriptExecutor) driver).executeScript(
                        "return getComputedStyle(document.querySelector(arguments[0])).color", selector);
                double contrast = (luminance(color) + 0.05) / (luminance(card) + 0.05);
                assertThat(contrast).as("%s: %s on %s", selector, color, card).isGreaterThanOrEqualTo(4.5);
            }
            screenshot(tag + "-375-dark");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
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
