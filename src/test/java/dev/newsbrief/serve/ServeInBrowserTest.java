package dev.newsbrief.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.testing.Chromium;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end, in Debian's headless Chromium: serve runs in-process over a copy of a story bundle
 * and a --translations directory; the side-by-side page is opened once, and then the test only
 * edits files: the page must change by itself (live reload over Server-Sent Events), show the
 * error when the file is broken, and come back when it is fixed. Skipped without Chromium unless
 * NEWSBRIEF_REQUIRE_BROWSER is set (then a failure).
 */
class ServeInBrowserTest {
    /** A cap, not a measure: the page reloads within a second, but CI shares two cores among many JVMs. */
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final By RUSSIAN_HEADLINE = By.cssSelector("tr[data-part=header] td[lang=ru] h1");

    @Test
    void theSideBySidePageFollowsTheTranslationFileWithoutBeingReloaded(@TempDir Path temp) {
        ChromeDriver browser = Chromium.start(temp.resolve("profile"));
        try (ServeFixture fixture = new ServeFixture(temp.resolve("project"))) {
            browser.get(fixture.url("/side-by-side/" + ServeFixture.STORY));
            String before = browser.findElement(RUSSIAN_HEADLINE).getText();
            assertThat(before).contains("подписали");
            // Marks this document: a reload by the page's own script makes a new one without the mark.
            ((JavascriptExecutor) browser).executeScript("window.newsbriefMark = 1;");
            WebDriverWait wait = new WebDriverWait(browser, DEADLINE, Duration.ofMillis(50));
            wait.until(driver -> fixture.server.openStreams() > 0);

            // The translator changes ru's headline for a signing.
            fixture.writeRussianMessages("headline:\n  signing: \"{parties} подписали {document_acc}: правка переводчика\"\n");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(RUSSIAN_HEADLINE, "правка переводчика"));
            assertThat(browser.findElement(RUSSIAN_HEADLINE).getText()).isNotEqualTo(before).endsWith("правка переводчика");
            assertThat(((JavascriptExecutor) browser).executeScript("return window.newsbriefMark === undefined;")).isEqualTo(true);
            // The other languages keep their own headline.
            assertThat(browser.findElement(By.cssSelector("tr[data-part=header] td[lang=en] h1")).getText()).doesNotContain("правка");

            // A typo: the page shows the error with the file and line, not a stack trace.
            fixture.writeRussianMessages("headline:\n  signing: \"{parties подписали\"\n");
            WebElement where = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error .where")));
            assertThat(where.getText()).startsWith(fixture.translations.resolve("ru/messages.yaml").toAbsolutePath() + ":2:");
            assertThat(browser.findElement(By.cssSelector(".error pre.source")).getText()).contains("signing: \"{parties подписали\"");
            assertThat(browser.getPageSource()).doesNotContain("at dev.newsbrief");

            // Fixed: the side-by-side view comes back by itself.
            fixture.writeRussianMessages("headline:\n  signing: \"{parties} подписали {document_acc}: исправлено\"\n");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(RUSSIAN_HEADLINE, "исправлено"));
            assertThat(browser.findElements(By.cssSelector(".error"))).isEmpty();
        } finally {
            browser.quit();
        }
    }
}
