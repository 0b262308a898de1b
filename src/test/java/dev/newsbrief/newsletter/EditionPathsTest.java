package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where each file of a newsletter goes, and the links between them. */
class EditionPathsTest {
    private static final Newsletter MORNING = new NewsletterLoader().load(Path.of("newsletters/morning.yaml"));

    @Test
    void eachFileOfAnEditionHasItsPlace() {
        assertThat(EditionPaths.folder(MORNING, "hy")).isEqualTo("newsletters/morning/hy/");
        assertThat(EditionPaths.archive(MORNING, "hy")).isEqualTo("newsletters/morning/hy/index.html");
        assertThat(EditionPaths.web(MORNING, "ru", 12)).isEqualTo("newsletters/morning/ru/12.html");
        assertThat(EditionPaths.email(MORNING, "ru", 12)).isEqualTo("newsletters/morning/ru/12.email.html");
        assertThat(EditionPaths.text(MORNING, "az", 1)).isEqualTo("newsletters/morning/az/1.txt");
        assertThat(EditionPaths.message(MORNING, "en", 3)).isEqualTo("newsletters/morning/en/3.eml");
        assertThat(EditionPaths.feed(MORNING, "en")).isEqualTo("newsletters/morning/en/feed.atom");
        assertThat(EditionPaths.feed(MORNING)).isEqualTo("newsletters/morning/feed.atom");
    }

    /** A story's briefs are where the build writes them. */
    @Test
    void briefsAreTheBuildsFiles() {
        assertThat(EditionPaths.brief("a-story", "hy")).isEqualTo("hy/a-story.html")
                .isEqualTo(dev.newsbrief.build.Format.HTML.path("a-story", "hy"));
        assertThat(EditionPaths.pdf("a-story", "hy")).isEqualTo("hy/a-story.pdf")
                .isEqualTo(dev.newsbrief.build.Format.PDF.path("a-story", "hy"));
    }

    @Test
    void absoluteAddressesAreUnderTheWebRoot() {
        assertThat(EditionPaths.absolute(MORNING, "newsletters/morning/hy/3.html"))
                .isEqualTo(URI.create("https://briefs.example.org/newsletters/morning/hy/3.html"));
        assertThat(EditionPaths.absolute(MORNING, "ru/a.pdf")).hasToString("https://briefs.example.org/ru/a.pdf");
    }

    @ParameterizedTest
    @CsvSource({
            "newsletters/morning/ru/3.html, ru/a.html, ../../../ru/a.html",
            "newsletters/morning/ru/3.html, newsletters/morning/ru/index.html, index.html",
            "newsletters/morning/ru/index.html, newsletters/morning/ru/feed.atom, feed.atom",
            "newsletters/morning/ru/index.html, newsletters/morning/feed.atom, ../feed.atom",
            "newsletters/morning/ru/index.html, newsletters/evening/ru/1.html, ../../evening/ru/1.html",
            "index.html, ru/a.html, ru/a.html",
            // The page's own name is no folder, nor is the target's last part.
            "a/b, a/b/c, b/c",
            "newsletters/morning/ru/3.html, newsletters/morning, ../../morning"})
    void relativeLinksLeadToTheirTarget(String from, String to, String link) {
        assertThat(EditionPaths.link(from, to)).isEqualTo(link);
        // Resolved against the page's address, the link is the target's address.
        assertThat(URI.create("https://x.example/" + from).resolve(link)).isEqualTo(URI.create("https://x.example/" + to));
    }

    /** The email body is the same for everyone: its unsubscribe link leaves the address out. */
    @Test
    void unsubscribeAddressesFillTheTemplateUrlEncoded() {
        assertThat(EditionPaths.unsubscribePage(MORNING))
                .hasToString("https://briefs.example.org/unsubscribe?list=morning.briefs.example.org&address=");
        assertThat(EditionPaths.unsubscribe(MORNING, "ani+news@example.am"))
                .hasToString("https://briefs.example.org/unsubscribe?list=morning.briefs.example.org&address=ani%2Bnews%40example.am");
    }
}
