package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Lexicon;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Templates per story kind: {@code kinds/<kind>/T} replaces {@code T} for stories of that kind,
 * in the page itself and in everything it includes or imports. The fixture story's kind is
 * {@code summit-test}.
 */
class KindLookupStrategyTest {
    @TempDir
    Path templates;

    private final Story story = new StoryLoader().load(Fixtures.fixture("render/story.yaml"));
    private final Catalog catalog = new Catalog("en", ULocale.ENGLISH, "inline.yaml", Map.of(), Map.of(),
            new Lexicon("inline-lexicon.yaml", List.of(), Map.of(), Map.of(), Map.of(), List.of()));

    private void template(String name, String text) throws IOException {
        Path file = templates.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String render(String name) {
        return new Renderer(templates).render(name, story, catalog, Map.of());
    }

    @Test
    void theKindsOwnTemplateWinsWhereThereIsOne() throws IOException {
        template("page.ftlh", "shared page");
        assertThat(render("page.ftlh")).isEqualTo("shared page");
        template("kinds/ceasefire/page.ftlh", "ceasefire page");
        assertThat(render("page.ftlh")).as("another kind's template").isEqualTo("shared page");
        template("kinds/summit-test/page.ftlh", "summit page");
        assertThat(render("page.ftlh")).isEqualTo("summit page");
    }

    @Test
    void aSharedTemplateIncludesTheKindsPiece() throws IOException {
        template("page.ftlh", "[<#include \"facts.ftlh\">]");
        template("facts.ftlh", "shared facts");
        assertThat(render("page.ftlh")).isEqualTo("[shared facts]");
        template("kinds/summit-test/facts.ftlh", "summit facts");
        assertThat(render("page.ftlh")).isEqualTo("[summit facts]");
    }

    @Test
    void aKindsTemplateImportsTheSharedPiecesByTheirPlainNames() throws IOException {
        template("kinds/summit-test/page.ftlh", "<#import \"parts.ftlh\" as p>summit: <@p.facts/> / <#include \"pdf/footer.ftlh\">");
        template("parts.ftlh", "<#macro facts>shared facts</#macro>");
        template("pdf/footer.ftlh", "shared footer");
        assertThat(render("page.ftlh")).isEqualTo("summit: shared facts / shared footer");
        template("kinds/summit-test/pdf/footer.ftlh", "summit footer");
        assertThat(render("page.ftlh")).isEqualTo("summit: shared facts / summit footer");
    }

    @ParameterizedTest
    @CsvSource({
        "kinds/ceasefire/key-facts.ftlh, key-facts.ftlh",
        "kinds/ceasefire/pdf/brief.ftlx, pdf/brief.ftlx",
        "key-facts.ftlh, key-facts.ftlh",
        "pdf/brief.ftlx, pdf/brief.ftlx",
        "kinds/readme.txt, kinds/readme.txt",
        "kindsof/a.ftlh, kindsof/a.ftlh"})
    void theBaseNameDropsTheKindsPrefix(String name, String base) {
        assertThat(KindLookupStrategy.base(name)).isEqualTo(base);
    }
}
