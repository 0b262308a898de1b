package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The --missing file of {@link CoverageExport} for a Greek language that has one stale key, over an
 * English override adding a message of each argument shape, with the fixture story
 * fixture/serve/plain-signing giving example values (and without a story: sample values).
 */
class CoverageExportTest {
    private static final String ADDED_ENGLISH = """
            todo:
              plain: "Read more"
              multi: "First line\\nsecond line"
              counted: "{n, plural, one {# item} other {# items}}"
              ordinal: "{n, selectordinal, one {#st} other {#th}}"
              picked: "{side, select, left {Left} right {Right} other {Neither}}"
              dated: "On {day, date, ::yMMMd}"
              numbered: "{total, number} people"
              facets: "{parties_count} {city_kind} {date_in} {hosts_short} {city_gen} {kind} {date_year} {date_value} {date_date} {money_full} {loose}"
              nested: "{side, select, other {Neither} left {{lane, select, up {Up} other {Down}}}}"
              signed: "{parties} signed at {venue} in {city}"
            """;

    private Coverage coverage;
    private Translations translations;
    private StorySource story;

    @BeforeEach
    void translations(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("en"));
        Files.createDirectories(dir.resolve("el"));
        Files.writeString(dir.resolve("en/messages.yaml"), ADDED_ENGLISH);
        Files.copy(Fixtures.fixture("coverage/translations/el/lexicon.yaml"), dir.resolve("el/lexicon.yaml"));
        Files.writeString(dir.resolve("el/messages.yaml"), "todo:\n  plain: Διαβάστε\n");
        // Recorded against some older English: todo.plain is stale.
        Files.writeString(dir.resolve("el/source.lock.yaml"), "\"todo.plain\": \"000000000000\"\n");
        ResourceSet files = new ResourceSet("translations", dir);
        coverage = Coverage.of(files, new CoverageUsage(Set.of(), Set.of()));
        translations = new Translations(files);
        story = new StoryLoader().loadSource(Fixtures.fixture("serve/plain-signing"));
    }

    private String exportWithStory() {
        return CoverageExport.missing(coverage, "el", translations.catalog("en", story), story.story(), translations.catalog("el"));
    }

    private String exportWithoutStory() {
        return CoverageExport.missing(coverage, "el", translations.catalog("en"), null, translations.catalog("el"));
    }

    @Test
    void theHeaderCountsTheKeysAndSaysWhatToDoWithTheFile() {
        int missing = coverage.language("el").orElseThrow().missing().size();
        assertThat(missing).isEqualTo(translations.catalog("en").messages().size() - 1);

        assertThat(exportWithStory()).startsWith("# Messages to translate into el: " + missing + " missing, 1 stale "
                + "(their English changed since they were translated).\n" + """
                # Fill in each "" with the el text, keeping every {argument} and the ICU syntax
                # ({x, plural, one {…} other {…}}: give every plural category el needs).
                # Then build with: newsbrief build --translations DIR, this file being DIR/el/messages.yaml \
                (or merged into it), and run `newsbrief translations --accept el`.

                # en: """);
    }

    /** Loaded as YAML it is every missing and stale key, sorted, each empty: ready to fill in. */
    @Test
    void itLoadsBackAsEveryMissingAndStaleKeyEmpty() {
        Map<String, Object> loaded = new Yaml().load(exportWithStory());

        Set<String> expected = new TreeSet<>(coverage.language("el").orElseThrow().missing());
        expected.add("todo.plain");
        assertThat(List.copyOf(loaded.keySet())).isEqualTo(List.copyOf(expected));
        assertThat(loaded.values()).containsOnly("");
    }

    /** A stale key shows the current translation; a message without arguments is its own example, on one line. */
    @Test
    void aStaleKeyShowsItsCurrentWording() {
        assertThat(exportWithStory()).contains("""

                # STALE: the English changed since this was translated. Now: Διαβάστε
                # en: Read more
                # example: Read more
                "todo.plain": ""
                """).contains("""

                # en: First line\\nsecond line
                # example: First line\\nsecond line
                "todo.multi": ""
                """);
    }

    /** Plural, ordinal, select, date and number arguments are explained and given sample values. */
    @Test
    void eachArgumentShapeIsExplainedWithASample() {
        assertThat(exportWithStory()).contains("""

                # en: {n, plural, one {# item} other {# items}}
                # arguments:
                #   {n}: a number; the branch is chosen by the language's plural rules (one, few, many, other…)
                # example: 3 items   (sample values)
                "todo.counted": ""

                # en: On {day, date, ::yMMMd}
                # arguments:
                #   {day}: a date, written by the format after it
                # example: On Aug 8, 2025   (sample values)
                "todo.dated": ""
                """).contains("""

                # en: {total, number} people
                # arguments:
                #   {total}: a number
                # example: 3 people   (sample values)
                "todo.numbered": ""

                # en: {n, selectordinal, one {#st} other {#th}}
                # arguments:
                #   {n}: a number; the branch is chosen by the language's ordinal rules
                # example: 3th   (sample values)
                "todo.ordinal": ""

                # en: {side, select, left {Left} right {Right} other {Neither}}
                # arguments:
                #   {side}: a word that picks a branch: left, right, other (keep these keywords as they are)
                # example: Left   (sample values)
                "todo.picked": ""
                """);
    }

    /**
     * A select's keywords are its own, not those of a select nested in a branch; its sample is its first
     * keyword other than "other".
     */
    @Test
    void aNestedSelectKeepsItsOwnKeywords() {
        assertThat(exportWithStory()).contains("""

                # en: {side, select, other {Neither} left {{lane, select, up {Up} other {Down}}}}
                # arguments:
                #   {side}: a word that picks a branch: other, left (keep these keywords as they are)
                #   {lane}: a word that picks a branch: up, other (keep these keywords as they are)
                # example: Up   (sample values)
                "todo.nested": ""
                """);
    }

    /** An argument's suffix is put in words, and the story's event says what kind of value its field is. */
    @Test
    void suffixesAndTheEventsFieldsAreExplained() {
        assertThat(exportWithStory()).contains("""
                # arguments:
                #   {parties_count}: how many items the list {parties} holds
                #   {city_kind}: the kind of {city} (country, exclave, armed_group…)
                #   {date_in}: a date; the date {date} in running text, worded by the messages when.year|month|day
                #   {hosts_short}: a list of names joined with this language's 'and', in its order; {hosts} written short
                #   {city_gen}: an entity's name (from the lexicon); {city} in the lexicon form 'gen' (e.g. _gen genitive, _titled with the title)
                #   {kind}: a word
                #   {date_year}: the year of {date} as digits
                #   {date_value}: the bare number of {date}
                #   {date_date}: a date; the date {date} as a date, for an ICU date format
                #   {money_full}: {money} written full
                #   {loose}: a value given by the template or the story (text)
                # example: ‹parties_count› ‹city_kind› ‹date_in› ‹hosts_short› ‹city_gen› ‹kind› ‹date_year› ‹date_value› \
                ‹date_date› ‹money_full› ‹loose›   (sample values)
                "todo.facets": ""
                """);
    }

    /** A message whose arguments are the event's fields is shown rendered with the story. */
    @Test
    void theStorysEventRendersItsOwnMessages() {
        assertThat(exportWithStory()).contains("""

                # en: {parties} signed at {venue} in {city}
                # arguments:
                #   {parties}: a list of names joined with this language's 'and', in its order
                #   {venue}: an entity's name (from the lexicon)
                #   {city}: an entity's name (from the lexicon)
                # example: Azerbaijan and Armenia signed at Lancaster House in London   (the story plain-signing-2027)
                "todo.signed": ""
                """).contains("""
                # example: London, March 1, 2027   (the story plain-signing-2027)
                "brief.dateline": ""
                """);
    }

    /** Without a story, values are samples: dates are 8 August 2025 in UTC, text is the argument's name in marks. */
    @Test
    void withoutAStoryTheExamplesUseSampleValues() {
        assertThat(exportWithoutStory()).contains("""

                # en: {parties} signed at {venue} in {city}
                # arguments:
                #   {parties}: a value given by the template or the story (text)
                #   {venue}: a value given by the template or the story (text)
                #   {city}: a value given by the template or the story (text)
                # example: ‹parties› signed at ‹venue› in ‹city›   (sample values)
                "todo.signed": ""
                """).contains("""
                # example: ‹city›, August 8, 2025   (sample values)
                "brief.dateline": ""
                """).contains("""
                # example: Friday, August 8, 2025   (sample values)
                "date.full": ""
                """);
    }

    @Test
    void anUnknownLanguageIsRefused() {
        assertThatThrownBy(() -> CoverageExport.missing(coverage, "xx", translations.catalog("en"), null, translations.catalog("el")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no language xx");
    }
}
