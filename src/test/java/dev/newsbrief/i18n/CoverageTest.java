package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Coverage} over fixture/coverage/translations (an en override adding {@code label.updated} and
 * changing {@code section.terms}; a Greek language with one reviewed, one stale, one unreviewed and one
 * unused key) and over small --translations folders written here; its table and JSON over hand-made rows.
 */
class CoverageTest {
    private static final Path FIXTURE = Fixtures.fixture("coverage/translations");

    /** Every English key counts as used except {@code label.updated}: the unused column is then known exactly. */
    private static CoverageUsage usageOfAllEnglishBut(ResourceSet files, String unused) {
        Set<String> keys = new TreeSet<>(new Translations(files).catalog(PseudoLocale.SOURCE).messages().keySet());
        keys.remove(unused);
        return new CoverageUsage(keys, Set.of());
    }

    private static Coverage coverageOf(Path translations) {
        ResourceSet files = new ResourceSet("translations", translations);
        return Coverage.of(files, usageOfAllEnglishBut(files, "label.updated"));
    }

    private static SortedSet<String> englishKeys(Path translations) {
        return new TreeSet<>(new Translations(new ResourceSet("translations", translations))
                .catalog(PseudoLocale.SOURCE).messages().keySet());
    }

    @Test
    void theSourceComesFirstThenTheLanguagesByTag() {
        Coverage coverage = coverageOf(FIXTURE);

        assertThat(coverage.languages()).extracting(Coverage.Language::tag).containsExactly("en", "az", "el", "hy", "ru");
        assertThat(coverage.languages()).extracting(Coverage.Language::isSource).containsExactly(true, false, false, false, false);
        assertThat(coverage.language("el")).isPresent();
        assertThat(coverage.language("xx")).isEmpty();
    }

    /** The source has every key it has, none missing, stale or unreviewed; its unused key is the override's new one. */
    @Test
    void theSourceRowHasOnlyPresentAndUnused() {
        Coverage.Language en = coverageOf(FIXTURE).language("en").orElseThrow();

        assertThat(en.present()).isEqualTo(englishKeys(FIXTURE)).contains("label.updated", "section.terms");
        assertThat(en.missing()).isEmpty();
        assertThat(en.stale()).isEmpty();
        assertThat(en.unreviewed()).isEmpty();
        assertThat(en.unused()).containsExactly("label.updated");
    }

    /** el: keyFacts is locked to today's English, terms to yesterday's (stale), skipToContent has no record, retired is not English. */
    @Test
    void anAddedLanguageHasEachKindOfRow() {
        Coverage.Language el = coverageOf(FIXTURE).language("el").orElseThrow();

        assertThat(el.present()).containsExactly("label.retired", "label.skipToContent", "section.keyFacts", "section.terms");
        SortedSet<String> missing = englishKeys(FIXTURE);
        missing.removeAll(List.of("label.skipToContent", "section.keyFacts", "section.terms"));
        assertThat(el.missing()).isEqualTo(missing).contains("label.updated");
        assertThat(el.unused()).containsExactly("label.retired");
        assertThat(el.stale()).containsExactly("section.terms");
        assertThat(el.unreviewed()).containsExactly("label.skipToContent");
    }

    /** A shipped language: its embedded lock records the embedded English, so only the override's change is stale. */
    @Test
    void aShippedLanguageIsStaleWhereTheEnglishWasOverridden() {
        Coverage.Language ru = coverageOf(FIXTURE).language("ru").orElseThrow();

        assertThat(ru.missing()).containsExactly("label.updated");
        assertThat(ru.stale()).containsExactly("section.terms");
        assertThat(ru.unreviewed()).isEmpty();
        assertThat(ru.unused()).isEmpty();
    }

    @Test
    void theHashIsTheFirstTwelveHexDigitsOfSha256() {
        assertThat(Coverage.hash("")).isEqualTo("e3b0c44298fc");
        assertThat(Coverage.hash("abc")).isEqualTo("ba7816bf8f01");
        // The fixture's lock records the English of section.keyFacts, which is why that key is not stale.
        assertThat(Coverage.hash(new Translations(new ResourceSet("translations", FIXTURE)).catalog("en")
                .pattern("section.keyFacts").orElseThrow())).isEqualTo("e4717f888fe5");
    }

    /** The lock is every key the language has that English has, sorted, hashed; writing it clears stale and unreviewed. */
    @Test
    void theLockRecordsTodaysEnglishAndClearsStaleAndUnreviewed(@TempDir Path dir) throws IOException {
        Path translations = copyFixture(dir);
        ResourceSet files = new ResourceSet("translations", translations);
        Translations loaded = new Translations(files);
        String english = "\"label.skipToContent\": \"" + Coverage.hash(loaded.catalog("en").pattern("label.skipToContent").orElseThrow())
                + "\"\n\"section.keyFacts\": \"e4717f888fe5\"\n\"section.terms\": \"" + Coverage.hash("What the sides agreed") + "\"\n";

        String lock = Coverage.lock(files, "el");

        assertThat(lock).isEqualTo("""
                # The English (en) each el message was translated from: key -> first 12 hex digits of the SHA-256 of that English text.
                # Written by `newsbrief translations --accept el`; a key whose English has changed since shows as stale. Do not edit by hand.
                """ + english);
        Files.writeString(translations.resolve("el/source.lock.yaml"), lock);
        Coverage.Language el = coverageOf(translations).language("el").orElseThrow();
        assertThat(el.stale()).isEmpty();
        assertThat(el.unreviewed()).isEmpty();
        assertThat(el.unused()).containsExactly("label.retired");
    }

    @Test
    void theSourceLanguageCannotBeAccepted() {
        assertThatThrownBy(() -> Coverage.lock(new ResourceSet("translations", FIXTURE), "en"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.file()).isEqualTo("--accept");
                    assertThat(e.problem()).isEqualTo("'en' is the source language; accept a translation of it");
                });
    }

    /** The user's lock replaces the shipped one whole: a key it does not name is unreviewed again. */
    @Test
    void aUsersLockReplacesTheShippedOne(@TempDir Path translations) throws IOException {
        Files.createDirectories(translations.resolve("ru"));
        String terms = Coverage.hash(new Translations(new ResourceSet("translations", translations)).catalog("en")
                .pattern("section.terms").orElseThrow());
        Files.writeString(translations.resolve("ru/source.lock.yaml"), "\"section.terms\": \"" + terms + "\"\n");

        Coverage.Language ru = coverageOf(translations).language("ru").orElseThrow();

        SortedSet<String> unreviewed = new TreeSet<>(ru.present());
        unreviewed.retainAll(englishKeys(translations));
        unreviewed.remove("section.terms");
        assertThat(ru.unreviewed()).isEqualTo(unreviewed).isNotEmpty();
        assertThat(ru.stale()).isEmpty();
        assertThat(ru.missing()).isEmpty();
    }

    /** An empty lock records nothing: every translated key is unreviewed, none stale. */
    @Test
    void anEmptyLockLeavesEveryKeyUnreviewed(@TempDir Path dir) throws IOException {
        Path translations = copyFixture(dir);
        Files.writeString(translations.resolve("el/source.lock.yaml"), "# nothing accepted yet\n");

        Coverage.Language el = coverageOf(translations).language("el").orElseThrow();

        assertThat(el.unreviewed()).containsExactly("label.skipToContent", "section.keyFacts", "section.terms");
        assertThat(el.stale()).isEmpty();
    }

    /** A language with no lock file at all: nothing is known to be stale, every translated English key is unreviewed. */
    @Test
    void aLanguageWithoutALockIsUnreviewed(@TempDir Path dir) throws IOException {
        Path translations = copyFixture(dir);
        Files.delete(translations.resolve("el/source.lock.yaml"));

        Coverage.Language el = coverageOf(translations).language("el").orElseThrow();

        assertThat(el.unreviewed()).containsExactly("label.skipToContent", "section.keyFacts", "section.terms");
        assertThat(el.stale()).isEmpty();
    }

    @Test
    void aLockThatIsNotAMappingIsReportedWithWhatToDo(@TempDir Path dir) throws IOException {
        Path translations = copyFixture(dir);
        Files.writeString(translations.resolve("el/source.lock.yaml"), "- section.terms\n");

        assertThatThrownBy(() -> coverageOf(translations)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.file()).endsWith("el/source.lock.yaml");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.problem()).isEqualTo("expected a mapping of message keys to hashes; "
                    + "rewrite it with `newsbrief translations --accept el`");
        });
    }

    @Test
    void aLockValueThatIsNotAHashIsReportedAtItsLine(@TempDir Path dir) throws IOException {
        Path translations = copyFixture(dir);
        Files.writeString(translations.resolve("el/source.lock.yaml"),
                "\"section.keyFacts\": \"e4717f888fe5\"\n\"section.terms\": [a, b]\n");

        assertThatThrownBy(() -> coverageOf(translations)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.file()).endsWith("el/source.lock.yaml");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("section.terms");
            assertThat(e.problem()).isEqualTo("expected a hash; rewrite the file with `newsbrief translations --accept el`");
        });
    }

    private static final Coverage SMALL = new Coverage(List.of(
            new Coverage.Language("en", set("a.one", "a.two", "b.three"), set(), set("b.three"), set(), set()),
            new Coverage.Language("de", set("a.one"), set("a.two", "b.three"), set(), set("a.one"), set()),
            new Coverage.Language("longtag", set("a.one", "a.two", "b.three", "z.old"), set(), set("z.old"), set(),
                    set("a.one", "a.two", "b.three"))),
            new CoverageUsage(Set.of("a.one", "a.two"), Set.of()));

    private static SortedSet<String> set(String... keys) {
        return new TreeSet<>(List.of(keys));
    }

    /** Languages left-aligned, counts right-aligned under their headings, "-" where the source has no such count; then the keys. */
    @Test
    void theTableAlignsTheCountsThenListsTheKeysBehindThem() {
        assertThat(SMALL.table()).isEqualTo("""
                language     present  missing  unused  stale  unreviewed
                en (source)        3        -       1      -           -
                de                 1        2       0      1           0
                longtag            4        0       1      0           3

                en unused (1):
                  b.three

                de missing (2):
                  a.two
                  b.three

                de stale (1):
                  a.one

                longtag unused (1):
                  z.old
                """);
    }

    @Test
    void theJsonListsTheKeysOfEveryColumn() {
        assertThat(SMALL.json()).isEqualTo("""
                {
                  "source" : "en",
                  "languages" : [ {
                    "tag" : "en",
                    "present" : 3,
                    "missing" : [ ],
                    "unused" : [ "b.three" ],
                    "stale" : [ ],
                    "unreviewed" : [ ]
                  }, {
                    "tag" : "de",
                    "present" : 1,
                    "missing" : [ "a.two", "b.three" ],
                    "unused" : [ ],
                    "stale" : [ "a.one" ],
                    "unreviewed" : [ ]
                  }, {
                    "tag" : "longtag",
                    "present" : 4,
                    "missing" : [ ],
                    "unused" : [ "z.old" ],
                    "stale" : [ ],
                    "unreviewed" : [ "a.one", "a.two", "b.three" ]
                  } ]
                }
                """);
    }

    /** Rows keep their own sorted copies: a caller's set changed later does not change the coverage. */
    @Test
    void aRowIsACopy() {
        SortedSet<String> present = set("b", "a");
        Coverage.Language row = new Coverage.Language("de", present, set(), set(), set(), set());
        present.add("c");

        assertThat(row.present()).containsExactly("a", "b");
        assertThatThrownBy(() -> row.present().add("d")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Coverage(List.of(row), null)).isInstanceOf(NullPointerException.class);
    }

    private static Path copyFixture(Path dir) throws IOException {
        Path translations = dir.resolve("translations");
        for (String file : List.of("en/messages.yaml", "el/messages.yaml", "el/source.lock.yaml", "el/lexicon.yaml")) {
            Files.createDirectories(translations.resolve(file).getParent());
            Files.copy(FIXTURE.resolve(file), translations.resolve(file));
        }
        return translations;
    }
}
