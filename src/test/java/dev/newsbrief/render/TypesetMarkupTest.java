package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typesetting pass over rendered markup: text only, per element language, bytes otherwise kept. */
class TypesetMarkupTest {
    private static final Translations TRANSLATIONS = new Translations(new ResourceSet("translations", null));

    @TempDir
    Path templates;

    private static String typeset(String markup) {
        return TypesetMarkup.apply(markup, "ru", TRANSLATIONS::typography).replace('\u00A0', '~').replace('\u2011', '=');
    }

    /** Text gets the rules of its language; markup passes through byte for byte. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<p>Армения и Азербайджан</p>                        | <p>Армения и~Азербайджан</p>",
        "<a title=\"в доме\" href=\"/в х\">в доме</a>         | <a title=\"в доме\" href=\"/в х\">в~доме</a>",
        "<script>var s = \"в доме\";</script>и дом           | <script>var s = \"в доме\";</script>и~дом",
        "<style>p::before { content: \"в доме\" }</style>     | <style>p::before { content: \"в доме\" }</style>",
        "<!-- в доме --><?pi в доме?><![CDATA[в доме]]>     | <!-- в доме --><?pi в доме?><![CDATA[в доме]]>",
        "<head><title>Армения и Азербайджан</title></head>  | <head><title>Армения и Азербайджан</title></head>",
        "<pre>и дом</pre><code>и дом</code>и дом            | <pre>и дом</pre><code>и дом</code>и~дом",
        "<p>Tom &amp; Jerry и &quot;дом&quot; &#39;и&#39;</p> | <p>Tom &amp; Jerry и~&quot;дом&quot; &#39;и&#39;</p>",
        "<p>в <a href=\"#x\">Белом доме</a> и <b>дом</b></p> | <p>в~<a href=\"#x\">Белом доме</a> и~<b>дом</b></p>",
        "<li>и <ul><li>дом</li></ul></li>                   | <li>и <ul><li>дом</li></ul></li>",
        "<p>в</p> <p>доме</p>                               | <p>в</p> <p>доме</p>",
        "<p>a < b и c</p>                                   | <p>a < b и~c</p>"})
    void textOnly(String markup, String expected) {
        assertThat(typeset(markup)).isEqualTo(expected);
    }

    /** Nothing joins across the end of a block: a trailing no-break space would only push the line out. */
    @Test
    void blocksEndLines() {
        assertThat(typeset("<p>Армения и</p>\n<p>Азербайджан</p>")).isEqualTo("<p>Армения и</p>\n<p>Азербайджан</p>");
        assertThat(typeset("<p>Армения и\n</p>")).isEqualTo("<p>Армения и\n</p>");
    }

    /** A lang attribute switches the rules for its subtree, and only for it (the pack holds four languages). */
    @Test
    void langAttributeSwitchesRules() {
        assertThat(typeset("<div lang=\"hy\">ԱՄՆ-ի և</div><div lang=\"ru\">США-и и дом</div>"))
                .isEqualTo("<div lang=\"hy\">ԱՄՆ=ի և</div><div lang=\"ru\">США-и и~дом</div>");
        assertThat(typeset("<p>и дом <span lang=\"en\">и дом Mr. Smith</span> и дом</p>"))
                .isEqualTo("<p>и~дом <span lang=\"en\">и дом Mr.~Smith</span> и~дом</p>");
        assertThat(typeset("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"hy\"><body>ԱՄՆ-ի</body></html>"))
                .as("xml:lang wins in XHTML").contains("ԱՄՆ=ի");
        assertThat(typeset("<p lang=\"fr\">et à la maison и дом</p>")).as("a language without rules").contains("и дом");
        assertThat(typeset("<p lang=\"ru-RU\">и дом</p>")).as("by primary subtag").contains("и~дом");
    }

    /** Void elements and self-closed ones open nothing: the language after them is their parent's. */
    @Test
    void voidElementsHaveNoEndTag() {
        assertThat(typeset("<div lang=\"en\"><img src=\"a.png\" alt=\"\"><br/><meta charset=\"utf-8\">и дом</div>и дом"))
                .isEqualTo("<div lang=\"en\"><img src=\"a.png\" alt=\"\"><br/><meta charset=\"utf-8\">и дом</div>и~дом");
        assertThat(typeset("<span lang=\"en\"/>и дом")).isEqualTo("<span lang=\"en\"/>и~дом");
        assertThat(typeset("<p lang=\"en\">a <wbr> b</p><p>и дом</p>")).endsWith("<p>и~дом</p>");
    }

    /** Typesetting twice changes nothing more: no rule feeds on its own output. */
    @Test
    void idempotent() {
        String once = TypesetMarkup.apply("<p>и в 2025 г. Д. Трамп — и <b>в</b> доме</p>", "ru", TRANSLATIONS::typography);
        assertThat(TypesetMarkup.apply(once, "ru", TRANSLATIONS::typography)).isEqualTo(once);
    }

    private Renderer renderer(Limits limits) throws IOException {
        for (String name : new String[] {"t.ftlh", "t.ftlx", "t.ftl"}) {
            Files.writeString(templates.resolve(name), "<p>Армения и Азербайджан</p>", StandardCharsets.UTF_8);
        }
        return new Renderer(templates, limits);
    }

    /** The renderer typesets HTML (.ftlh) and XHTML (.ftlx) and leaves plain text (.ftl) as written. */
    @Test
    void rendererTypesetsMarkupOnly() throws IOException {
        Story story = new StoryLoader().load(Fixtures.fixture("render/story.yaml"));
        Catalog ru = TRANSLATIONS.catalog("ru");
        Renderer renderer = renderer(Limits.DEFAULT);
        assertThat(renderer.render("t.ftlh", story, ru, Map.of())).isEqualTo("<p>Армения и\u00A0Азербайджан</p>");
        assertThat(renderer.render("t.ftlx", ru, java.time.ZoneOffset.UTC, Map.of())).isEqualTo("<p>Армения и\u00A0Азербайджан</p>");
        assertThat(renderer.render("t.ftl", story, ru, Map.of())).isEqualTo("<p>Армения и Азербайджан</p>");
    }

    /** The output limit holds for the typeset text, which is longer in bytes than what the template wrote. */
    @Test
    void outputLimitCountsTheTypesetText() throws IOException {
        Story story = new StoryLoader().load(Fixtures.fixture("render/story.yaml"));
        int written = "<p>Армения и Азербайджан</p>".getBytes(StandardCharsets.UTF_8).length;
        Renderer renderer = renderer(Limits.DEFAULT.with("output-bytes", String.valueOf(written)));
        assertThat(renderer.render("t.ftl", story, TRANSLATIONS.catalog("ru"), Map.of())).hasSize(28);
        assertThatThrownBy(() -> renderer.render("t.ftlh", story, TRANSLATIONS.catalog("ru"), Map.of()))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("output-bytes");
    }
}
