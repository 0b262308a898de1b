package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    private static final Lexicon LEXICON = new Lexicon("hy-lexicon.yaml", List.of(), Map.of(), Map.of(), Map.of(), List.of());

    private static Catalog catalog(Map<String, String> messages) {
        return new Catalog("hy", ULocale.forLanguageTag("hy"), "hy-messages.yaml", messages,
                Map.of("label.sources", new Origin("hy-messages.yaml", 9, 12)), LEXICON);
    }

    @Test
    void theCatalogHoldsItsLanguageAndEveryMessage() {
        Map<String, String> messages = Map.of("label.sources", "{count, plural, one {Աղբյուր՝} other {Աղբյուրներ՝}}",
                "section.timeline", "Ժամանակագրություն");
        Catalog catalog = catalog(messages);
        assertThat(catalog.tag()).isEqualTo("hy");
        assertThat(catalog.locale()).isEqualTo(new ULocale("hy"));
        assertThat(catalog.messagesFile()).isEqualTo("hy-messages.yaml");
        assertThat(catalog.messages()).isEqualTo(messages);
        assertThat(catalog.pattern("section.timeline")).contains("Ժամանակագրություն");
        assertThat(catalog.pattern("section.sources")).isEmpty();
        assertThat(catalog.formatter().locale()).as("the formatter is of the catalog's language").isEqualTo(new ULocale("hy"));
    }

    @Test
    void aMessageIsTracedToWhereItWasWrittenAndAMissingOneToTheMessagesFile() {
        Catalog catalog = catalog(Map.of("label.sources", "x"));
        assertThat(catalog.origin("label.sources")).isEqualTo(new Origin("hy-messages.yaml", 9, 12));
        assertThat(catalog.origin("label.nothing")).isEqualTo(new Origin("hy-messages.yaml", 0, 0));
    }

    @Test
    void argumentNamesIncludeThoseNestedInPluralAndSelectBranches() {
        Catalog catalog = catalog(Map.of("m", "{kind, select, signing {{parties_count, plural, one {{host_gen}} other {{signatories_titled_ins}}}} other {{date, date, long}}}"));
        assertThat(catalog.argumentNames("m")).containsExactly("date", "host_gen", "kind", "parties_count", "signatories_titled_ins");
        assertThat(catalog.argumentNames("no.such.message")).isEmpty();
        assertThat(catalog(Map.of("m", "Առանց փաստարկների")).argumentNames("m")).isEmpty();
    }

    @Test
    void theMessagesFileIsTheTopLayerThatHoldsMessages(@TempDir Path dir) throws IOException {
        assertThat(new Translations(new ResourceSet("translations", null)).catalog("en").messagesFile())
                .isEqualTo("(embedded) translations/en/messages.yaml");
        Path en = Files.createDirectories(dir.resolve("en"));
        Files.writeString(en.resolve("messages.yaml"), "section:\n  keyFacts: At a glance\n");
        Catalog overridden = new Translations(new ResourceSet("translations", dir)).catalog("en");
        assertThat(overridden.messagesFile()).isEqualTo(en.resolve("messages.yaml").toString());
        assertThat(overridden.messages()).containsEntry("section.keyFacts", "At a glance").containsEntry("section.timeline", "Timeline");
    }

    private static String format(Catalog catalog, String key) {
        return catalog.message(key).orElseThrow().format(Map.of("n", 3));
    }

    /**
     * A story's catalog formats its own wording, and the shared wording with the shared catalog's
     * compiled patterns (one compiled copy for every story of a batch); a story's catalog worded
     * again keeps what the new layer does not reword.
     */
    @Test
    void aStorysCatalogFormatsItsOwnWordingAndSharesTheRest() {
        Catalog shared = catalog(Map.of("a", "shared {n}", "b", "kept {n}", "c", "third {n}"));
        Catalog story = shared.withStoryWording(Map.of("a", "story {n}"), Map.of(), LEXICON);
        assertThat(format(story, "a")).isEqualTo("story 3");
        assertThat(format(story, "b")).isEqualTo("kept 3");
        assertThat(format(shared, "a")).as("the shared catalog is untouched").isEqualTo("shared 3");
        assertThat(story.message("nothing")).isEmpty();
        Catalog again = story.withStoryWording(Map.of("b", "again {n}"), Map.of(), LEXICON);
        assertThat(format(again, "a")).isEqualTo("story 3");
        assertThat(format(again, "b")).isEqualTo("again 3");
        assertThat(format(again, "c")).isEqualTo("third 3");
        assertThat(format(story, "b")).as("the first story's catalog is untouched").isEqualTo("kept 3");
    }

    /** Patterns compiled while checking are the ones formatted: the same text as compiling anew. */
    @Test
    void precompiledPatternsAreUsed() {
        Catalog catalog = catalog(Map.of("a", "from the text {n}"));
        catalog.withCompiled(Map.of("a", new com.ibm.icu.text.MessageFormat("precompiled {n}", ULocale.forLanguageTag("hy"))));
        assertThat(format(catalog, "a")).isEqualTo("precompiled 3");
        Catalog story = catalog.withStoryWording(Map.of("b", "story {n}"), Map.of(), LEXICON,
                Map.of("b", new com.ibm.icu.text.MessageFormat("story precompiled {n}", ULocale.forLanguageTag("hy"))));
        assertThat(format(story, "b")).isEqualTo("story precompiled 3");
        assertThat(format(story, "a")).isEqualTo("precompiled 3");
    }
}
