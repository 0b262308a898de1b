package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A character no PDF font has stops the build before anything is written, and the error
 * points at where the character was written: a story field, a message, or else the story.
 * The check runs before layout, so these builds fail fast.
 */
class BuilderGlyphErrorsTest {
    private static final String DOVE = "\uD83D\uDD4A";
    private static final String PROBLEM = "character U+1F54A (DOVE OF PEACE) is in none of the PDF fonts 'Noto Serif', 'Noto Serif Armenian'";
    private static final String REMEDY = "; remove it, or give this language a font that has it in templates/pdf/fonts.yaml";

    private final Builder builder = new Builder();

    @Test
    void aCharacterInAStoryFieldIsReportedAtThatField(@TempDir Path out) throws IOException {
        Path story = Fixtures.fixture("build/dove-in-source.yaml");
        BuildOptions options = BuildOptions.defaults().withOutput(out).withLanguages(List.of("en"))
                .withFormats(Set.of(Format.PDF)).withStories(List.of(story));
        assertThatThrownBy(() -> builder.build(options))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(story + ":8:14: sources[0].title: en: " + PROBLEM + " (in \"Peace " + DOVE + " report\")" + REMEDY);
        assertThat(files(out)).isEmpty();
    }

    @Test
    void theHtmlBriefNeedsNoFontAndTakesTheSameCharacter(@TempDir Path out) throws IOException {
        builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("en"))
                .withFormats(Set.of(Format.HTML)).withStories(List.of(Fixtures.fixture("build/dove-in-source.yaml"))));
        assertThat(Fixtures.brief(out, "en", "dove-in-source-2026").select("p.sources cite").text()).isEqualTo("Peace " + DOVE + " report");
    }

    /** Not in the story: the message that holds it, in the translations file that says it. */
    @Test
    void aCharacterInAMessageIsReportedAtTheMessage(@TempDir Path out, @TempDir Path translations) throws IOException {
        Path messages = Files.createDirectories(translations.resolve("ru")).resolve("messages.yaml");
        Files.writeString(messages, "meta:\n  languageName: \"Русский " + DOVE + "\"\n", StandardCharsets.UTF_8);
        BuildOptions options = BuildOptions.defaults().withOutput(out).withTranslations(translations)
                .withLanguages(List.of("en", "ru")).withFormats(Set.of(Format.PACK))
                .withStories(List.of(Fixtures.fixture("stories/minimal")));
        assertThatThrownBy(() -> builder.build(options))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(messages.toAbsolutePath().normalize().toString())
                .hasMessageContaining(": meta.languageName: ru: " + PROBLEM + " (in \"Русский " + DOVE + "\")" + REMEDY);
        assertThat(files(out)).isEmpty();
    }

    /** Neither in the story nor in a message (here: a template's own text): the story file, with no line. */
    @Test
    void aCharacterFromElsewhereIsReportedAgainstTheStory(@TempDir Path out, @TempDir Path templates) throws IOException {
        String brief;
        try (InputStream in = getClass().getResourceAsStream("/templates/pdf/brief.ftlx")) {
            brief = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(templates.resolve("pdf"));
        Files.writeString(templates.resolve("pdf/brief.ftlx"),
                brief.replace("<@page.runningHeadAndFoot", "<p>" + DOVE + " ${headline}</p><@page.runningHeadAndFoot"),
                StandardCharsets.UTF_8);
        Path story = Fixtures.fixture("stories/minimal");
        BuildOptions options = BuildOptions.defaults().withOutput(out).withTemplates(templates).withLanguages(List.of("en"))
                .withFormats(Set.of(Format.PDF)).withStories(List.of(story));
        assertThatThrownBy(() -> builder.build(options))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(story.resolve("story.yaml") + ": en: " + PROBLEM
                        + " (in \"" + DOVE + " Armenia and Azerbaijan hold…\")" + REMEDY);
        assertThat(files(out)).isEmpty();
    }

    private static List<Path> files(Path dir) {
        return Fixtures.publishedFiles(dir);
    }
}
