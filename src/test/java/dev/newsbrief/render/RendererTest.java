package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Lexicon;
import dev.newsbrief.i18n.Origin;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import freemarker.template.TemplateMethodModelEx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renderer over templates of a {@code --templates} directory: what a template sees, what
 * it may not do, and how its errors are reported (file:line:col, one line).
 */
class RendererTest {
    @TempDir
    Path templates;

    /** Loaded per test: under mutation testing every test must exercise the code as mutated now. */
    private final Story story = new StoryLoader().load(Fixtures.fixture("render/story.yaml"));

    private static Catalog catalog(String tag, Map<String, String> messages) {
        Map<String, Origin> origins = new LinkedHashMap<>();
        messages.keySet().forEach(key -> origins.put(key, new Origin("inline.yaml", 7, 3)));
        Lexicon lexicon = new Lexicon("inline-lexicon.yaml", List.of(), Map.of("london", Map.of("nom", "London")), Map.of(), Map.of(), List.of());
        return new Catalog(tag, ULocale.forLanguageTag(tag), "inline.yaml", messages, origins, lexicon);
    }

    private void template(String name, String text) throws IOException {
        Path file = templates.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String render(String name, String tag, Map<String, Object> extra) {
        return new Renderer(templates).render(name, story, catalog(tag, Map.of("greeting", "Здравствуйте, {city}")), extra);
    }

    private String render(String name) {
        return render(name, "ru", Map.of());
    }

    /** A page of no one story (a newsletter's): the language, the model, story-less functions, and the zone asked for. */
    @Test
    void aStorylessTemplateSeesItsModelTheLanguageAndTheZone() throws IOException {
        template("page.ftlh", "${lang} ${title} ${nb.msg(\"greeting\", {\"city\": \"Ереван\"})} ${when?string(\"HH:mm Z\")}"
                + " ${nb.plural(3)}<#if story??> story</#if>");
        Catalog russian = catalog("ru", Map.of("greeting", "Здравствуйте, {city}"));
        Date at = Date.from(Instant.parse("2025-08-09T02:00:00Z"));
        assertThat(new Renderer(templates).render("page.ftlh", russian, java.time.ZoneId.of("Asia/Yerevan"), Map.of("title", "<b>", "when", at)))
                .isEqualTo("ru &lt;b&gt; Здравствуйте, Ереван 06:00 +0400 few");
        assertThat(new Renderer(templates).render("page.ftlh", russian, java.time.ZoneId.of("America/New_York"), Map.of("title", "x", "when", at)))
                .endsWith(" 22:00 -0400 few");
        // The model may give its own lang (a page about another language, say).
        assertThat(new Renderer(templates).render("page.ftlh", russian, java.time.ZoneId.of("UTC"), Map.of("title", "x", "when", at, "lang", "hy")))
                .startsWith("hy x");
    }

    @Test
    void aStorylessTemplateIsBoundedAndItsErrorsAreBadInput() throws IOException {
        template("big.ftlh", "<#list 1..100000 as i>xxxxxxxxxx</#list>");
        template("broken.ftlh", "${missing.value}");
        Catalog english = catalog("en", Map.of());
        Renderer small = new Renderer(templates, dev.newsbrief.limit.Limits.DEFAULT.with("output-bytes", "1K"));
        assertThatThrownBy(() -> small.render("big.ftlh", english, java.time.ZoneId.of("UTC"), Map.of()))
                .isInstanceOf(dev.newsbrief.limit.LimitExceededException.class).hasMessageContaining("output-bytes");
        assertThatThrownBy(() -> new Renderer(templates).render("broken.ftlh", english, java.time.ZoneId.of("UTC"), Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> new Renderer(templates).render("broken.ftlh", null, java.time.ZoneId.of("UTC"), Map.of()))
                .hasMessageContaining("'catalog'");
        assertThatThrownBy(() -> new Renderer(templates).render("broken.ftlh", english, null, Map.of()))
                .hasMessageContaining("'zone'");
    }

    @Test
    void aTemplateSeesTheStoryTheLanguageAndTheFunctions() throws IOException {
        template("t.ftlh", "${story.id} ${lang} ${nb.msg(\"greeting\", {\"city\": nb.name(story.event.city)})}");
        assertThat(render("t.ftlh")).isEqualTo("render-fixture-2025 ru Здравствуйте, London");
    }

    @Test
    void extraVariablesAreGivenToTheTemplate() throws IOException {
        template("t.ftlh", "<#list links as link>${link}<#sep>, </#list>");
        assertThat(render("t.ftlh", "ru", Map.of("links", List.of("../en/x.html", "../hy/x.html")))).isEqualTo("../en/x.html, ../hy/x.html");
    }

    /** FreeMarker's own formatting uses the language's locale and the story's zone (Asia/Baku, UTC+4), never the JVM's. */
    @Test
    void freemarkerFormatsInTheLanguageAndTheStorysZone() throws IOException {
        template("t.ftlh", "${when?datetime?string(\"HH:mm\")} | ${when?date?string.long}");
        Map<String, Object> extra = Map.of("when", Date.from(Instant.parse("2025-08-08T00:00:00Z")));
        assertThat(render("t.ftlh", "ru", extra).replace('\u00A0', ' ').replace('\u202F', ' ')).isEqualTo("04:00 | 8 августа 2025 г.");
        assertThat(render("t.ftlh", "en", extra)).isEqualTo("04:00 | August 8, 2025");
    }

    @Test
    void numbersAreWrittenForMachinesUnlessAFunctionFormatsThem() throws IOException {
        template("t.ftlh", "${1234567} ${nb.number(1234567)}");
        assertThat(render("t.ftlh", "en", Map.of())).isEqualTo("1234567 1,234,567");
    }

    @Test
    void urlEncodingIsUtf8() throws IOException {
        template("t.ftlh", "<a href=\"?q=${\"Ереван 2025\"?url}\">");
        assertThat(render("t.ftlh")).isEqualTo("<a href=\"?q=%D0%95%D1%80%D0%B5%D0%B2%D0%B0%D0%BD%202025\">");
    }

    @Test
    void htmlAndXmlTemplatesEscapeByTheirExtension() throws IOException {
        template("t.ftlh", "${text}");
        template("t.ftlx", "${text}");
        template("t.txt", "${text}");
        Map<String, Object> extra = Map.of("text", "<b>\"R&D\"</b>");
        assertThat(render("t.ftlh", "en", extra)).isEqualTo("&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;");
        assertThat(render("t.ftlx", "en", extra)).isEqualTo("&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;");
        assertThat(render("t.txt", "en", extra)).isEqualTo("<b>\"R&D\"</b>");
    }

    /** A missing item of a list is missing, never a variable of the same name from outside the loop. */
    @Test
    void aMissingLoopItemIsNotTakenFromOutsideTheLoop() throws IOException {
        template("t.ftlh", "<#list items as lang>[${lang!\"none\"}]</#list>");
        assertThat(render("t.ftlh", "ru", Map.of("items", Arrays.asList("en", null, "hy")))).isEqualTo("[en][none][hy]");
    }

    @Test
    void templatesMayNotInstantiateClasses() throws IOException {
        template("t.ftlh", "\n<#assign x = \"freemarker.template.SimpleHash\"?new()>");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("t.ftlh:2:1: Instantiating freemarker.template.SimpleHash is not allowed in the template for security reasons.");
    }

    @Test
    void theOverrideDirectoryReplacesTheEmbeddedTemplatesFileByFile() throws IOException {
        template("t.ftlh", "<#include \"pdf/fonts.yaml\" parse=false>");
        assertThat(render("t.ftlh")).as("an embedded file the directory does not replace").contains("Noto Serif Armenian");
        template("pdf/fonts.yaml", "replaced");
        assertThat(render("t.ftlh")).isEqualTo("replaced");
    }

    @Test
    void withoutAnOverrideDirectoryTheEmbeddedTemplatesRender() {
        String css = new Renderer(null).render("pdf/print.css", story, catalog("en", Map.of()), Map.of());
        assertThat(css).contains(".running-header { position: running(header); }");
    }

    @Test
    void theOverrideMustBeADirectory() throws IOException {
        Path missing = templates.resolve("missing");
        assertThatThrownBy(() -> new Renderer(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(missing + ": no such directory; the --templates option needs a directory laid out like the embedded templates/");
        Path file = Files.writeString(templates.resolve("brief.ftlh"), "a file");
        assertThatThrownBy(() -> new Renderer(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + ": no such directory");
    }

    @Test
    void aMissingTemplateIsNamed() {
        assertThatThrownBy(() -> render("nowhere.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("nowhere.ftlh: template not found in the templates directory or the embedded defaults");
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() throws IOException {
        template("t.ftlh", "<p>\n<#if true>\n");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.ftlh:2:11: template syntax error: Unexpected end of file reached. You have an unclosed #if.");
    }

    @Test
    void anErrorWhileRenderingNamesFileLineAndColumnInOneLine() throws IOException {
        template("t.ftlh", "<p>\n  ${nosuch}\n");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("t.ftlh:2:5: The following has evaluated to null or missing: nosuch");
    }

    @Test
    void aStopMessageIsReportedInOneLine() throws IOException {
        template("one.ftlh", "<#stop \"no quotes in this story\">");
        assertThatThrownBy(() -> render("one.ftlh")).hasMessage("one.ftlh:1:1: no quotes in this story");
        template("two.ftlh", "<#stop \"\nsecond line\">");
        assertThatThrownBy(() -> render("two.ftlh")).hasMessageStartingWith("two.ftlh:1:1:").message().doesNotContain("\n");
    }

    @Test
    void aMessageErrorSaysWhereTheTemplateAskedForIt() throws IOException {
        template("t.ftlh", "<p>\n${nb.msg(\"no.such\")}");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("inline.yaml: no.such: no message for language 'ru'; add it (a story's own wording goes in its bundle's ru.yaml"
                        + " under 'messages:') (used at t.ftlh:2)");
    }

    @Test
    void aMessageErrorInsideAnEvaluatedExpressionToo() throws IOException {
        template("t.ftlh", "\n\n${\"nb.msg('no.such')\"?eval}");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("inline.yaml: no.such: no message for language 'ru'")
                .hasMessageEndingWith("(used at t.ftlh:3)");
    }

    @Test
    void anInputErrorFromAFunctionGivenToTheTemplateSaysWhereItWasCalled() throws IOException {
        template("t.ftlh", "<p>\n<p>${check()}");
        TemplateMethodModelEx check = arguments -> {
            throw new InvalidInputException("story.yaml", 4, 2, "keyFacts[0]", "not a fact");
        };
        assertThatThrownBy(() -> render("t.ftlh", "ru", Map.of("check", check)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("story.yaml:4:2: keyFacts[0]: not a fact (used at t.ftlh:2)");
    }

    /** Story text is data: in an .ftlh template it is escaped, so it can never become markup. */
    @Test
    void valuesAreEscapedInHtmlTemplates() throws IOException {
        template("t.ftlh", "<p>${payload}</p>");
        String html = render("t.ftlh", "en", Map.of("payload", "<script>alert(1)</script>\" onload=\"x"));
        assertThat(html).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x</p>");
        assertThat(org.jsoup.Jsoup.parse(html).select("script")).isEmpty();
    }
}
