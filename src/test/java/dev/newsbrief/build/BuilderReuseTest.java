package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-running newsbrief (the daemon, the scheduler) keeps one Builder, which reuses its
 * translations and compiled templates between builds: an edit to either must show in the next build.
 */
class BuilderReuseTest {
    @Test
    void editedTranslationsAndTemplatesShowInTheNextBuildOfTheSameBuilder(@TempDir Path tmp) throws IOException {
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Path translations = Files.createDirectories(tmp.resolve("translations/en"));
        Files.writeString(templates.resolve("brief.ftlh"), "<p>one: ${nb.msg(\"probe.word\")}</p>");
        Files.writeString(translations.resolve("messages.yaml"), "probe:\n  word: first\n");
        Builder builder = new Builder();
        BuildOptions options = BuildOptions.defaults().withOutput(tmp.resolve("out")).withLanguages(List.of("en"))
                .withFormats(Set.of(Format.HTML)).withTemplates(templates).withTranslations(tmp.resolve("translations"));
        Path page = tmp.resolve("out/en/" + dev.newsbrief.Fixtures.DEFAULT_ID + ".html");

        builder.build(options);
        assertThat(Files.readString(page)).isEqualTo("<p>one: first</p>");

        Files.writeString(translations.resolve("messages.yaml"), "probe:\n  word: second\n");
        builder.build(options);
        assertThat(Files.readString(page)).isEqualTo("<p>one: second</p>");

        Files.writeString(templates.resolve("brief.ftlh"), "<p>two: ${nb.msg(\"probe.word\")}</p>");
        builder.build(options);
        assertThat(Files.readString(page)).isEqualTo("<p>two: second</p>");
    }
}
