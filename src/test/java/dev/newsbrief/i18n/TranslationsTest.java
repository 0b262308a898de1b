package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.Builder;
import dev.newsbrief.model.Entity;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranslationsTest {
    private final Translations translations = new Translations(new ResourceSet("translations", null));

    @Test
    void theFourLanguagesAreEmbedded() {
        assertThat(translations.tags()).containsExactlyInAnyOrder("en", "hy", "az", "ru");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru"})
    void everyMessageKeyExistsInEveryLanguage(String tag) {
        assertThat(translations.catalog(tag).messages().keySet())
                .containsExactlyInAnyOrderElementsOf(translations.catalog("en").messages().keySet());
    }

    /** Arguments may ask for different forms per language ({host_gen} vs {host}) but must be the same arguments. */
    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru"})
    void everyMessageTakesTheSameArgumentsInEveryLanguage(String tag) {
        Catalog english = translations.catalog("en");
        Catalog other = translations.catalog(tag);
        for (String key : english.messages().keySet()) {
            assertThat(baseNames(other.argumentNames(key)))
                    .as("arguments of %s in %s", key, tag)
                    .isEqualTo(baseNames(english.argumentNames(key)));
        }
    }

    private static Set<String> baseNames(Set<String> names) {
        return names.stream().map(name -> name.contains("_") ? name.substring(0, name.indexOf('_')) : name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void lexiconNamesEveryEntityAndOfficeOfBothStories(String tag) {
        Lexicon lexicon = translations.catalog(tag).lexicon();
        StoryLoader loader = new StoryLoader();
        for (Story story : new Story[] {
            loader.load("default", Builder.embeddedDefaultStory()),
            loader.load(Fixtures.fixture("stories/border-protocol-2026.yaml"))}) {
            for (Entity entity : story.entities().values()) {
                assertThat(lexicon.has(entity.id())).as("%s has %s", tag, entity.id()).isTrue();
                if (entity.office() != null) {
                    assertThat(lexicon.has(entity.office())).as("%s has office %s", tag, entity.office()).isTrue();
                }
            }
        }
    }

    @Test
    void unknownLanguageSaysHowToAddOne() {
        assertThatThrownBy(() -> translations.catalog("de"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no translations for language 'de'")
                .hasMessageContaining("translations/de/messages.yaml");
    }

    @Test
    void brokenPatternIsReportedWithFileLineAndKey(@TempDir Path dir) throws IOException {
        Path en = Files.createDirectories(dir.resolve("en"));
        Files.writeString(en.resolve("messages.yaml"), "label:\n  kicker: Peace\n  broken: \"{count, plural, one {x}\"\n");
        Translations overridden = new Translations(new ResourceSet("translations", dir));
        assertThatThrownBy(() -> overridden.catalog("en"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("messages.yaml:3:")
                .hasMessageContaining("label.broken: not a valid ICU MessageFormat pattern");
    }

    @Test
    void lexiconEntryMissingARequiredFormIsReported(@TempDir Path dir) throws IOException {
        Path ru = Files.createDirectories(dir.resolve("ru"));
        Files.writeString(ru.resolve("lexicon.yaml"), "required: [nom, gen]\nentries:\n  armenia: { nom: Армения }\n");
        Translations overridden = new Translations(new ResourceSet("translations", dir));
        assertThatThrownBy(() -> overridden.catalog("ru"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lexicon.yaml:3:")
                .hasMessageContaining("entries.armenia: form 'gen' is missing");
    }

    @Test
    void overrideReplacesOneFileAndKeepsTheOther(@TempDir Path dir) throws IOException {
        Path en = Files.createDirectories(dir.resolve("en"));
        Files.writeString(en.resolve("messages.yaml"), "label:\n  kicker: Overridden\n");
        Catalog catalog = new Translations(new ResourceSet("translations", dir)).catalog("en");
        assertThat(catalog.messages()).containsOnlyKeys("label.kicker");
        assertThat(catalog.lexicon().form("armenia", "nom")).contains("Armenia");
    }
}
