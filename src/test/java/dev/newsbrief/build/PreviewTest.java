package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Preview} without a server: a copy of the fixture bundle fixture/serve/plain-signing (worded only
 * by the shared frames) and a --translations folder with an empty {@code ru/}; every render is counted by
 * the listener, never timed.
 */
class PreviewTest {
    private static final String STORY = "plain-signing-2027";
    private static final String RU_HTML = "ru/" + STORY + ".html";

    private Path story;
    private Path translations;
    private BuildOptions options;
    private final List<String> rendered = Collections.synchronizedList(new ArrayList<>());
    private Preview preview;

    @BeforeEach
    void preview(@TempDir Path temp) throws IOException {
        story = temp.resolve("plain-signing");
        Fixtures.copyTree(Fixtures.fixture("serve/plain-signing"), story);
        translations = Files.createDirectories(temp.resolve("translations").resolve("ru")).getParent();
        options = BuildOptions.defaults().withStories(List.of(story)).withTranslations(translations);
        preview = new Preview(options, rendered::add);
    }

    private String html(String tag) {
        return new String(preview.render(STORY, Format.HTML, tag).orElseThrow(), StandardCharsets.UTF_8);
    }

    private void writeRussian(String yaml) throws IOException {
        Files.writeString(translations.resolve("ru/messages.yaml"), yaml);
    }

    /** The preview is what a build publishes, byte for byte. */
    @Test
    void aRenderIsTheBuildsFile(@TempDir Path out) throws IOException {
        new Builder().build(options.withOutput(out).withFormats(Set.of(Format.HTML)));

        for (String tag : List.of("az", "en", "hy", "ru")) {
            assertThat(preview.render(STORY, Format.HTML, tag)).hasValueSatisfying(bytes ->
                    assertThat(bytes).isEqualTo(readAllBytes(out.resolve(tag + "/" + STORY + ".html"))));
        }
        assertThat(rendered).containsExactly("az/" + STORY + ".html", "en/" + STORY + ".html", "hy/" + STORY + ".html", RU_HTML);
    }

    @Test
    void aSecondRenderComesFromTheCache() {
        byte[] first = preview.render(STORY, Format.HTML, "ru").orElseThrow();
        byte[] second = preview.render(STORY, Format.HTML, "ru").orElseThrow();

        assertThat(second).isSameAs(first);
        assertThat(rendered).containsExactly(RU_HTML);
    }

    /** A translation file's change is seen only once changed() names it; then the page is rendered again, once. */
    @Test
    void aChangedTranslationIsRenderedAgainOnlyAfterItIsNamed() throws IOException {
        assertThat(skipLink(html("ru"))).isNotEqualTo("Сразу к тексту");
        writeRussian("label:\n  skipToContent: \"Сразу к тексту\"\n");

        assertThat(skipLink(html("ru"))).isNotEqualTo("Сразу к тексту");
        assertThat(rendered).containsExactly(RU_HTML);

        preview.changed(List.of(translations.resolve("ru/messages.yaml")));

        assertThat(skipLink(html("ru"))).isEqualTo("Сразу к тексту");
        assertThat(skipLink(html("ru"))).isEqualTo("Сразу к тексту");
        assertThat(rendered).containsExactly(RU_HTML, RU_HTML);
    }

    /** The story file's change is seen once changed() names it (a relative path names the same file). */
    @Test
    void aChangedStoryIsReadAgain() throws IOException {
        assertThat(headline(html("en"))).startsWith("Azerbaijan and Armenia");
        Path facts = story.resolve("story.yaml");
        Files.writeString(facts, Files.readString(facts).replace("parties: [azerbaijan, armenia]", "parties: [armenia, azerbaijan]"));

        assertThat(headline(html("en"))).startsWith("Azerbaijan and Armenia");
        preview.changed(List.of(Path.of("").toAbsolutePath().relativize(facts.toAbsolutePath())));

        assertThat(headline(html("en"))).startsWith("Armenia and Azerbaijan");
        assertThat(rendered).containsExactly("en/" + STORY + ".html", "en/" + STORY + ".html");
    }

    /** A broken translation fails as the build would, at its file and line; fixed and named, the page comes back. */
    @Test
    void aBrokenTranslationIsReportedAtItsLineAndRecovers() throws IOException {
        html("ru");
        writeRussian("label:\n  skipToContent: \"К тексту {oops\"\n");
        preview.changed(List.of(translations.resolve("ru/messages.yaml")));

        assertThatThrownBy(() -> html("ru")).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.file()).endsWith("ru/messages.yaml");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("label.skipToContent");
        });
        assertThatThrownBy(preview::stories).isInstanceOf(InvalidInputException.class);

        writeRussian("label:\n  skipToContent: \"К тексту\"\n");
        preview.changed(List.of(translations.resolve("ru/messages.yaml")));

        assertThat(skipLink(html("ru"))).isEqualTo("К тексту");
    }

    /** Every story with its languages in tag order, each named in itself. */
    @Test
    void storiesListsEachStoryWithItsLanguages() {
        assertThat(preview.stories()).containsExactly(new Preview.PreviewStory(STORY, List.of(
                new Preview.Language("az", "Azərbaycan dili"), new Preview.Language("en", "English"),
                new Preview.Language("hy", "Հայերեն"), new Preview.Language("ru", "Русский"))));
        assertThat(rendered).isEmpty();
    }

    /** A bundle worded in a language translations lack fails as the build would, naming the file. */
    @Test
    void aBundleInALanguageWithoutTranslationsIsRefused() throws IOException {
        Files.copy(story.resolve("en.yaml"), story.resolve("de.yaml"));

        assertThatThrownBy(preview::stories).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.file()).endsWith("de.yaml");
            assertThat(e.problem()).startsWith("no language 'de' under translations/");
        });
    }

    @Test
    void anUnknownStoryOrLanguageIsEmpty() {
        assertThat(preview.render("no-such-story", Format.HTML, "en")).isEmpty();
        assertThat(preview.render(STORY, Format.HTML, "de")).isEmpty();
        assertThat(rendered).isEmpty();
    }

    /** The pack holds every language: the tag is ignored and it is cached under its own path. */
    @Test
    void thePackIgnoresTheTag() {
        byte[] pack = preview.render(STORY, Format.PACK, "de").orElseThrow();

        assertThat(new String(pack, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(preview.render(STORY, Format.PACK, "en").orElseThrow()).isSameAs(pack);
        assertThat(rendered).containsExactly("pack/" + STORY + ".pdf");
    }

    @Test
    void theInputsAreTheStoriesAndTheFolders(@TempDir Path templates) {
        assertThat(preview.inputs()).containsExactly(story.toAbsolutePath(), translations.toAbsolutePath());
        assertThat(new Preview(options.withTemplates(templates), Preview.Listener.NONE).inputs())
                .containsExactly(story.toAbsolutePath(), templates.toAbsolutePath(), translations.toAbsolutePath());
    }

    /** A template added under --templates is used once changed() names it. */
    @Test
    void aChangedTemplateIsUsed(@TempDir Path templates) throws IOException {
        Preview withTemplates = new Preview(options.withTemplates(templates), rendered::add);
        String before = new String(withTemplates.render(STORY, Format.HTML, "en").orElseThrow(), StandardCharsets.UTF_8);
        Path brief = templates.resolve("brief.ftlh");
        Files.writeString(brief, "<p>replaced</p>");

        assertThat(new String(withTemplates.render(STORY, Format.HTML, "en").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(before);
        withTemplates.changed(List.of(brief));

        assertThat(new String(withTemplates.render(STORY, Format.HTML, "en").orElseThrow(), StandardCharsets.UTF_8))
                .isNotEqualTo(before).contains("<p>replaced</p>");
    }

    private static String headline(String html) {
        return Jsoup.parse(html).selectFirst("h1").text();
    }

    private static String skipLink(String html) {
        return Jsoup.parse(html).selectFirst("a.skip").text();
    }

    private static byte[] readAllBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
