package dev.newsbrief.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.limit.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCheckTest {
    private static Report check(Path templates, Path translations) {
        return new Checker(List.of(new TemplateCheck())).check(new Project(List.of(), templates, translations, Limits.DEFAULT));
    }

    private static Path write(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theEmbeddedTemplatesParseAndNameOnlyKnownKeys() {
        assertThat(check(null, null).text()).isEqualTo("no problems found\n");
    }

    @Test
    void aKeyOnlyOneLanguageHasIsKnown(@TempDir Path dir) throws IOException {
        write(dir, "translations/hy/messages.yaml", "label:\n  onlyArmenian: Միայն\n");
        write(dir, "templates/extra.ftlh", "${nb.msg(\"label.onlyArmenian\")} ${nb.cssPageCounter('pdf.pageOf')}\n");
        assertThat(check(dir.resolve("templates"), dir.resolve("translations")).problems()).isEmpty();
    }

    @Test
    void anUnknownKeyIsReportedWhereTheTemplateWritesIt(@TempDir Path dir) throws IOException {
        Path file = write(dir, "templates/kinds/agreement/extra.ftlx", "<p>\n  ${nb.cssPageCounter(\"pdf.pageof\")}</p>\n");
        assertThat(check(dir.resolve("templates"), null).problems()).extracting(Problem::format).containsExactly(
                file + ":2:24: error: pdf.pageof: unknown message key: no language's messages have it (did you mean 'pdf.pageOf'?)");
    }

    /** A fifth language that words no event: every message the templates need for the story's event kind is named. */
    @Test
    void anEventKindWithoutItsMessageIsReportedAtTheStorysEventKind(@TempDir Path dir) throws IOException {
        write(dir, "el/messages.yaml", "meta:\n  languageName: Ελληνικά\nevent:\n  ceasefire: \"Εκεχειρία\"\n");
        write(dir, "el/lexicon.yaml", "required: [nom]\nentries:\n  armenia: { nom: Αρμενία }\n");
        String at = "(embedded) stories/armenia-azerbaijan-peace-2025/story.yaml:52:9: error: event.kind: ";
        String hint = " (add it to translations/el/messages.yaml, or to the story's el.yaml under 'messages:')";
        // The story words its own standfirst, so standfirst.signing is not needed; it has no headline of its own.
        assertThat(check(null, dir).problems()).extracting(Problem::format).containsExactly(
                at + "no message 'event.signing' in language 'el'; the templates word a 'signing' event with it" + hint,
                at + "no message 'headline.signing' in language 'el'; the templates word a 'signing' event with it" + hint);
    }

    /**
     * A story that words its own headline and standfirst needs only event.<kind> from a language,
     * and its own el.yaml may give that; a story without an event needs none.
     */
    @Test
    void aStoryMayWordItsOwnEventMessagesAndOneWithoutAnEventNeedsNone(@TempDir Path dir) throws IOException {
        Path translations = dir.resolve("translations");
        write(translations, "el/messages.yaml", "meta:\n  languageName: Ελληνικά\n");
        write(translations, "el/lexicon.yaml", "required: [nom]\nentries:\n  armenia: { nom: Αρμενία }\n");
        Path summit = CheckFixturesTest.ROOT.resolve("template-story-key/stories/summit");
        Path worded = dir.resolve("worded");
        for (String file : List.of("story.yaml", "en.yaml", "hy.yaml", "ru.yaml", "az.yaml")) {
            write(worded, file, Files.readString(summit.resolve(file)));
        }
        Path story = worded.resolve("story.yaml");
        Files.writeString(story, Files.readString(story) + "headline: { claim: welcome, args: { host: united-states, parties: [armenia, azerbaijan] } }\n"
                + "standfirst: { claim: welcome, args: { host: united-states, parties: [armenia, azerbaijan] } }\n");
        write(worded, "el.yaml", "messages:\n  event:\n    summit: Σύνοδος\n");
        Path unworded = dir.resolve("unworded");
        for (String file : List.of("story.yaml", "en.yaml", "hy.yaml", "ru.yaml", "az.yaml")) {
            write(unworded, file, Files.readString(summit.resolve(file)).replace("id: fixture-summit-2026", "id: fixture-summit-2"));
        }
        Path noEvent = write(dir, "no-event.yaml", Files.readString(summit.resolve("story.yaml"))
                .replace("id: fixture-summit-2026", "id: fixture-no-event").replaceAll("(?s)\nevent:.*", "\n"));
        Report report = new Checker(List.of(new TemplateCheck())).check(new Project(List.of(worded, unworded, noEvent), null, translations,
                Limits.DEFAULT));
        String at = unworded.resolve("story.yaml") + ":14:9: error: event.kind: ";
        String hint = " (add it to translations/el/messages.yaml, or to the story's el.yaml under 'messages:')";
        assertThat(report.problems()).extracting(Problem::format).containsExactly(
                at + "no message 'event.summit' in language 'el'; the templates word a 'summit' event with it" + hint,
                at + "no message 'headline.summit' in language 'el'; the templates word a 'summit' event with it" + hint,
                at + "no message 'standfirst.summit' in language 'el'; the templates word a 'summit' event with it" + hint);
    }
}
