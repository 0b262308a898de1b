package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.Builder;
import dev.newsbrief.model.Entity;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
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
            if (key.startsWith("when.") || key.startsWith("date.")) {
                // Dates are given the same arguments; a language uses those its grammar needs (ru: the month for "в январе", az: the year's ordinal).
                assertThat(baseNames(other.argumentNames(key))).as("arguments of %s in %s", key, tag).isSubsetOf("date", "year", "month", "yearValue");
                continue;
            }
            assertThat(baseNames(other.argumentNames(key)))
                    .as("arguments of %s in %s", key, tag)
                    .isEqualTo(baseNames(english.argumentNames(key)));
        }
    }

    private static Set<String> baseNames(Set<String> names) {
        return names.stream().map(name -> name.contains("_") ? name.substring(0, name.indexOf('_')) : name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every story in the repository is named and worded in every language, by its bundle or the shared files. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void everyRepositoryStoryIsNamedAndWordedInEveryLanguage(String tag) {
        for (StorySource source : Fixtures.repositoryStories()) {
            Catalog catalog = translations.catalog(tag, source);
            Story story = source.story();
            for (Entity entity : story.entities().values()) {
                assertThat(catalog.lexicon().has(entity.id())).as("%s: %s names %s", story.id(), tag, entity.id()).isTrue();
                if (entity.office() != null) {
                    assertThat(catalog.lexicon().has(entity.office())).as("%s: %s names office %s", story.id(), tag, entity.office()).isTrue();
                }
            }
            for (String key : story.storyMessageKeys()) {
                assertThat(catalog.pattern(key)).as("%s: %s words %s", story.id(), tag, key).isPresent();
            }
        }
    }

    /** A story bundle's language file takes the same arguments as its English one, like the shared messages. */
    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru"})
    void storyWordingTakesTheSameArgumentsInEveryLanguage(String tag) {
        for (StorySource source : Fixtures.repositoryStories()) {
            Catalog english = translations.catalog("en", source);
            Catalog other = translations.catalog(tag, source);
            for (String key : source.story().storyMessageKeys()) {
                assertThat(baseNames(other.argumentNames(key))).as("%s: arguments of %s in %s", source.story().id(), key, tag)
                        .isEqualTo(baseNames(english.argumentNames(key)));
            }
        }
    }

    @Test
    void sharedMessagesHoldNoStoryWording() {
        assertThat(translations.catalog("en").messages().keySet()).noneMatch(key -> key.startsWith("claim."));
        for (StorySource source : Fixtures.repositoryStories()) {
            for (Entity entity : source.story().entities().values()) {
                if (entity.kind() == Entity.Kind.PERSON) {
                    assertThat(translations.catalog("en").lexicon().has(entity.id()))
                            .as("%s is named by the story's bundle, not the shared lexicon", entity.id()).isFalse();
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
        Files.writeString(ru.resolve("lexicon.yaml"), "required: [nom, gen, vocative]\nentries:\n  armenia: { nom: Армения }\n");
        Translations overridden = new Translations(new ResourceSet("translations", dir));
        assertThatThrownBy(() -> overridden.catalog("ru"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lexicon.yaml:3:")
                .hasMessageContaining("entries.armenia: form 'vocative' is missing");
    }

    /** An override holds only what it changes: messages key by key, lexicon entries form by form. */
    @Test
    void overrideIsMergedKeyByKey(@TempDir Path dir) throws IOException {
        Path en = Files.createDirectories(dir.resolve("en"));
        Files.writeString(en.resolve("messages.yaml"), "section:\n  keyFacts: At a glance\n");
        Files.writeString(en.resolve("lexicon.yaml"), "entries:\n  armenia: { adj: Armenian (hy) }\n  georgia: { nom: Georgia, label: Georgia }\n");
        Catalog catalog = new Translations(new ResourceSet("translations", dir)).catalog("en");
        assertThat(catalog.pattern("section.keyFacts")).contains("At a glance");
        assertThat(catalog.pattern("section.timeline")).as("keys the override lacks stay").contains("Timeline");
        assertThat(catalog.lexicon().form("armenia", "adj")).contains("Armenian (hy)");
        assertThat(catalog.lexicon().form("armenia", "nom")).as("forms the override lacks stay").contains("Armenia");
        assertThat(catalog.lexicon().form("georgia", "nom")).contains("Georgia");
        assertThat(catalog.origin("section.keyFacts").file()).isEqualTo(en.resolve("messages.yaml").toString());
    }

    @Test
    void aNewEntryInAnOverrideNeedsEveryRequiredForm(@TempDir Path dir) throws IOException {
        Path en = Files.createDirectories(dir.resolve("en"));
        Files.writeString(en.resolve("lexicon.yaml"), "entries:\n  georgia: { nom: Georgia }\n");
        assertThatThrownBy(() -> new Translations(new ResourceSet("translations", dir)).catalog("en"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lexicon.yaml:2:12: entries.georgia: form 'label' is missing");
    }

    @Test
    void aMissingOverrideDirectoryIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> new ResourceSet("translations", dir.resolve("no-such-dir")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no-such-dir: no such directory; the --translations option needs a directory");
    }

    @Test
    void aDuplicateKeyIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        Path en = Files.createDirectories(dir.resolve("en"));
        Files.writeString(en.resolve("messages.yaml"), "section:\n  keyFacts: A\n  keyFacts: B\n");
        assertThatThrownBy(() -> new Translations(new ResourceSet("translations", dir)).catalog("en"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("messages.yaml:3:3: duplicate key keyFacts; each key may appear once");
    }

    @Test
    void storyWordingIsMergedOverTheSharedCatalogAndStaysWithItsStory() {
        StorySource aa = Fixtures.repositoryStories().get(0);
        Catalog shared = translations.catalog("en");
        Catalog merged = translations.catalog("en", aa);
        assertThat(merged.pattern("claim.handshake")).isPresent();
        assertThat(shared.pattern("claim.handshake")).isEmpty();
        assertThat(merged.lexicon().form("trump", "nom")).contains("Donald Trump");
        assertThat(shared.lexicon().has("trump")).isFalse();
        assertThat(merged.pattern("section.keyFacts")).isEqualTo(shared.pattern("section.keyFacts"));
        assertThat(merged.origin("claim.handshake").file()).endsWith("stories/armenia-azerbaijan-peace-2025/en.yaml");
    }

    @Test
    void aStoryLanguageFileWithAnUnknownSectionIsRejected() {
        StorySource source = new StoryLoader().loadBundle("story.yaml", Builder.embeddedDefaultStory(),
                java.util.Map.of("en", new StorySource.Text("stories/x/en.yaml", "mesages:\n  claim: {}\n")));
        assertThatThrownBy(() -> translations.catalog("en", source))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("stories/x/en.yaml:1:1: mesages: unknown section; a story's language file has 'messages' and 'lexicon'");
    }

}
