package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.Builder;
import dev.newsbrief.model.Entity;
import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
                .hasMessageContaining("messages.yaml:3:3: duplicate key 'keyFacts'; each key may appear once");
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
                Map.of("en", new StorySource.Text("stories/x/en.yaml", "mesages:\n  claim: {}\n")));
        assertThatThrownBy(() -> translations.catalog("en", source))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("stories/x/en.yaml:1:1: mesages: unknown section; a story's language file has 'messages' and 'lexicon'");
    }

    private static Path messagesOverride(Path dir, String text) throws IOException {
        Path en = Files.createDirectories(dir.resolve("en"));
        return Files.writeString(en.resolve("messages.yaml"), text);
    }

    private static StorySource bundle(String tag, String text) {
        return new StoryLoader().loadBundle("story.yaml", Builder.embeddedDefaultStory(),
                Map.of(tag, new StorySource.Text("stories/x/" + tag + ".yaml", text)));
    }

    @Test
    void aMessageIsTracedToItsLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = messagesOverride(dir, "section:\n  keyFacts: At a glance\n  timeline:   \"Dates\"\n");
        Catalog catalog = new Translations(new ResourceSet("translations", dir)).catalog("en");
        assertThat(catalog.origin("section.keyFacts")).isEqualTo(new Origin(file.toString(), 2, 13));
        assertThat(catalog.origin("section.timeline")).isEqualTo(new Origin(file.toString(), 3, 15));
        assertThat(catalog.origin("label.published").file()).isEqualTo("(embedded) translations/en/messages.yaml");
        assertThat(catalog.origin("label.published").line()).as("an embedded message keeps its own line").isPositive();
    }

    @Test
    void aStoryWithoutABundleIsWordedByTheSharedCatalog() {
        StorySource single = new StoryLoader().loadSource(Fixtures.fixture("stories/valid-signing.yaml"));
        Catalog catalog = translations.catalog("ru", single);
        assertThat(catalog.messages()).isEqualTo(translations.catalog("ru").messages());
        assertThat(catalog.lexicon().has("trump")).isFalse();
    }

    @Test
    void aBrokenPatternInAStoryBundleIsReportedWithItsLine() {
        StorySource source = bundle("en", "messages:\n  claim:\n    broken: \"{count, plural, one {x}\"\n");
        assertThatThrownBy(() -> translations.catalog("en", source))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("stories/x/en.yaml:3:13: claim.broken: not a valid ICU MessageFormat pattern: ");
    }

    @Test
    void aStoryBundlesLexiconIsMergedOverTheShared() {
        StorySource source = bundle("en", "lexicon:\n  entries:\n    georgia: { nom: Georgia, label: Georgia }\n    armenia: { gen: Armenia's }\n");
        Catalog catalog = translations.catalog("en", source);
        assertThat(catalog.lexicon().form("georgia", "nom")).contains("Georgia");
        assertThat(catalog.lexicon().form("armenia", "gen")).contains("Armenia's");
        assertThat(catalog.lexicon().form("armenia", "adj")).contains("Armenian");
        assertThat(catalog.lexicon().origin("georgia")).isEqualTo(new Origin("stories/x/en.yaml", 3, 5));
        StorySource incomplete = bundle("en", "lexicon:\n  entries:\n    georgia: { nom: Georgia }\n");
        assertThatThrownBy(() -> translations.catalog("en", incomplete))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("stories/x/en.yaml:3:14: entries.georgia: form 'label' is missing; every entry of this language needs nom, label");
    }

    @Test
    void aBundleFileMustBeForALanguageThatExists() {
        translations.checkBundleLanguages(bundle("hy", "messages: {}\n"));
        assertThatThrownBy(() -> translations.checkBundleLanguages(bundle("de", "messages: {}\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("stories/x/de.yaml: no language 'de' under translations/ (available: az, en, hy, ru);"
                        + " name the file after one of them, or add that language's translations");
    }

    @Test
    void aNewLanguageNeedsBothFiles(@TempDir Path dir) throws IOException {
        Path de = Files.createDirectories(dir.resolve("de"));
        Files.writeString(de.resolve("messages.yaml"), "section:\n  keyFacts: Auf einen Blick\n");
        Translations withGerman = new Translations(new ResourceSet("translations", dir));
        assertThat(withGerman.tags()).containsExactly("az", "de", "en", "hy", "ru");
        assertThatThrownBy(() -> withGerman.catalog("de"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("translations/de/lexicon.yaml: file missing; every language needs messages.yaml and lexicon.yaml");
        Files.delete(de.resolve("messages.yaml"));
        Files.writeString(de.resolve("lexicon.yaml"), "entries: {}\n");
        assertThatThrownBy(() -> new Translations(new ResourceSet("translations", dir)).catalog("de"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("translations/de/messages.yaml: file missing; every language needs messages.yaml and lexicon.yaml");
    }

    @Test
    void requiredFormsOfAnOverrideAddToThoseOfTheLanguageOnce(@TempDir Path dir) throws IOException {
        Path en = Files.createDirectories(dir.resolve("en"));
        Files.writeString(en.resolve("lexicon.yaml"), "required: [label, vocative]\nentries:\n  georgia: { nom: Georgia, label: Georgia }\n");
        assertThatThrownBy(() -> new Translations(new ResourceSet("translations", dir)).catalog("en"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("lexicon.yaml:3:12: entries.georgia: form 'vocative' is missing; every entry of this language needs nom, label, vocative");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                            | :1:1: the file is empty; expected a mapping of keys to text",
        "'# only a comment\n'          | :1:1: the file is empty; expected a mapping of keys to text",
        "'- a\n- b\n'                  | :1:1: expected a mapping of keys to text",
        "'label:\n  kicker: [Peace\n' | :3:1: expected ',' or ']', but got <stream end> (while parsing a flow sequence that starts at 2:11)",
        "'label:\n  - {a: 1, a: 2}\n' | :2:12: duplicate key 'a'; each key may appear once",
        "'label:\n  kicker: [Peace]\n' | :2:11: label.kicker: expected text or a nested mapping"})
    void aMalformedMessagesFileIsReportedWithFileLineAndColumn(String text, String expected, @TempDir Path dir) throws IOException {
        Path file = messagesOverride(dir, text);
        assertThatThrownBy(() -> new Translations(new ResourceSet("translations", dir)).catalog("en"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + expected);
    }

    /** Limits against hostile input (a "billion laughs" of aliases, deep nesting): far above what translations need. */
    @Test
    void aliasesAndNestingAreLimited(@TempDir Path dir) throws IOException {
        StringBuilder aliases = new StringBuilder("base: &b {k: v}\n");
        for (int i = 0; i < 50; i++) {
            aliases.append("a").append(i).append(": *b\n");
        }
        messagesOverride(dir, aliases.toString());
        assertThat(new Translations(new ResourceSet("translations", dir)).catalog("en").pattern("a49.k")).contains("v");
        Path file = messagesOverride(dir, aliases + "a50: *b\n");
        assertThatThrownBy(() -> new Translations(new ResourceSet("translations", dir)).catalog("en"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage(file + ":52:6: more aliases to lists and mappings than the limit of 50; "
                        + "if the input is trusted, raise the limit with --limit yaml-aliases=<value>");

        messagesOverride(dir, "k: {".repeat(39) + "x: deep" + "}".repeat(39) + "\n");
        assertThat(new Translations(new ResourceSet("translations", dir)).catalog("en").pattern("k.".repeat(39) + "x")).contains("deep");
        messagesOverride(dir, "k: {".repeat(40) + "x: y" + "}".repeat(40) + "\n");
        assertThatThrownBy(() -> new Translations(new ResourceSet("translations", dir)).catalog("en"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage(file + ":1:160: the YAML nests deeper than the limit of 40 levels; "
                        + "if the input is trusted, raise the limit with --limit yaml-depth=<value>");
    }

    /** Hostile translation folders (fixture/hostile-inputs/translations-*): each one clean error naming the file or folder. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "translations-recursive-alias         | en/messages.yaml:4:10: the alias *label is inside the collection &label it refers to (a recursive alias); write the values out instead",
        "translations-lexicon-recursive-alias | en/lexicon.yaml:5:11: the alias *armenia is inside the collection &armenia it refers to (a recursive alias); write the values out instead",
        "translations-dup-key                 | hy/messages.yaml:4:3: duplicate key 'kicker'; each key may appear once",
        "translations-lexicon-dup-key         | en/lexicon.yaml:4:3: duplicate key 'armenia'; each key may appear once",
        "translations-invalid-utf8            | en/messages.yaml:3:15: the file is not valid UTF-8 (byte 0xC3 at offset 93); save it as UTF-8",
        "translations-underscore-tag          | en_US: 'en_US' is not a BCP 47 tag; write 'en-US' (with '-', not '_')",
        "translations-punctuation-tag         | xx_YY!: 'xx_YY!' is not a language tag; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "translations-hidden-tag              | .hidden: '.hidden' starts with '.', which names a hidden file, not a language; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "translations-pack-tag                | pack: 'pack' is reserved: output/pack/ holds the multi-language packs; use a BCP 47 tag such as en, hy, az or sr-Latn"})
    void hostileTranslationsAreOneCleanError(String folder, String expected) {
        Path dir = Fixtures.fixture("hostile-inputs/" + folder);
        assertThatThrownBy(() -> {
            Translations hostile = new Translations(new ResourceSet("translations", dir));
            hostile.tags().forEach(hostile::catalog);
        }).isExactlyInstanceOf(InvalidInputException.class).hasMessage(dir + "/" + expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "translations-too-deep   | yaml-depth  | 2:160: the YAML nests deeper than the limit of 40 levels",
        "translations-alias-bomb | input-bytes | 7:29: with its aliases expanded the document has more than 524288 values (one per byte of the limit)"})
    void translationsBeyondAYamlLimitAreALimitError(String folder, String limit, String expected) {
        Path dir = Fixtures.fixture("hostile-inputs/" + folder);
        assertThatThrownBy(() -> new Translations(new ResourceSet("translations", dir)).catalog("en"))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(limit))
                .hasMessage(dir + "/en/messages.yaml:" + expected + "; if the input is trusted, raise the limit with --limit " + limit + "=<value>");
    }

    /** Markup in a folder name would reach lang="", hreflang="" and CSS: refused before any of that. */
    @Test
    void aLanguageFolderNamedWithMarkupIsRefused(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("<b>"));
        assertThatThrownBy(() -> new Translations(new ResourceSet("translations", dir)).tags())
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("<b>") + ": '<b>' is not a language tag; use a BCP 47 tag such as en, hy, az or sr-Latn");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bundle-recursive-alias | en.yaml:3:16: the alias *loop is inside the collection &loop it refers to (a recursive alias); write the values out instead",
        "bundle-duplicate-key   | en.yaml:5:5: duplicate key 'extra'; each key may appear once"})
    void hostileBundleWordingIsOneCleanError(String bundle, String expected) {
        Path folder = Fixtures.fixture("hostile-inputs/" + bundle);
        StorySource story = new StoryLoader().loadSource(folder);
        assertThatThrownBy(() -> translations.catalog("en", story))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(folder + "/" + expected);
    }
}
