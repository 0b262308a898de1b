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
}
