package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Lexicon;
import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import freemarker.template.TemplateDirectiveModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile templates of a {@code --templates} directory (issue 7): each is stopped by a limit or
 * refused, always as bad input (exit 3) with one line that names the template.
 * The templates are under {@code fixture/hostile-templates/}.
 */
class RenderLimitsTest {
    @TempDir
    Path templates;

    private final Story story = new StoryLoader().load(Fixtures.fixture("render/story.yaml"));

    private static Catalog catalog() {
        Lexicon lexicon = new Lexicon("inline-lexicon.yaml", List.of(), Map.of(), Map.of(), Map.of(), List.of());
        return new Catalog("en", ULocale.forLanguageTag("en"), "inline.yaml", Map.of(), Map.of(), lexicon);
    }

    private void template(String name, String text) throws IOException {
        Path file = templates.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void hostile(String name) throws IOException {
        Files.copy(Fixtures.fixture("hostile-templates/" + name), templates.resolve(name));
    }

    private String render(Limits limits, String name) {
        return render(limits, name, Map.of());
    }

    private String render(Limits limits, String name, Map<String, Object> extra) {
        return new Renderer(templates, limits).render(name, story, catalog(), extra);
    }

    private static Limits limit(String name, String value) {
        return Limits.DEFAULT.with(name, value);
    }

    /** True once no render thread is busy (their names say so): the interrupted template really stopped, none was abandoned. */
    private static boolean renderThreadsStop() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("newsbrief-render: ") && t.isAlive())) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** A two-billion-step loop that writes stops at output-bytes instead of writing 2 GB. */
    @Test
    void endlessOutputStopsAtTheOutputLimit() throws IOException {
        hostile("endless-output.ftlh");
        assertThatThrownBy(() -> render(limit("output-bytes", "1000"), "endless-output.ftlh"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("endless-output.ftlh: the output of endless-output.ftlh reached 1001 bytes, more than the limit of 1000;"
                        + " if the input is trusted, raise the limit with --limit output-bytes=<value>");
    }

    /** The limit counts UTF-8 bytes, as the file is written: "աա" is 4 bytes, "աաա" 6, "😀" 4. */
    @Test
    void outputIsCountedInUtf8Bytes() throws IOException {
        template("two.ftlh", "աա");
        template("three.ftlh", "աաա");
        template("ascii.ftlh", "abcd");
        template("emoji.ftlh", "\uD83D\uDE00");
        template("euro.ftlh", "€a");
        Limits four = limit("output-bytes", "4");
        assertThat(render(four, "two.ftlh")).isEqualTo("աա");
        assertThat(render(four, "ascii.ftlh")).isEqualTo("abcd");
        assertThat(render(four, "emoji.ftlh")).isEqualTo("\uD83D\uDE00");
        assertThat(render(four, "euro.ftlh")).isEqualTo("€a");
        assertThatThrownBy(() -> render(four, "three.ftlh")).isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("three.ftlh: the output of three.ftlh reached 6 bytes, more than the limit of 4;");
        assertThatThrownBy(() -> render(limit("output-bytes", "3"), "emoji.ftlh")).isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("emoji.ftlh: the output of emoji.ftlh reached 4 bytes");
        assertThatThrownBy(() -> render(limit("output-bytes", "3"), "euro.ftlh")).isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("euro.ftlh: the output of euro.ftlh reached 4 bytes");
        // The edges of the 1-, 2- and 3-byte ranges: U+0080 is 2 bytes, U+0800 is 3.
        template("two-byte-edge.ftlh", "\u0080\u0080");
        template("three-byte-edge.ftlh", "\u0800");
        assertThatThrownBy(() -> render(limit("output-bytes", "3"), "two-byte-edge.ftlh")).isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("two-byte-edge.ftlh: the output of two-byte-edge.ftlh reached 4 bytes");
        assertThatThrownBy(() -> render(limit("output-bytes", "2"), "three-byte-edge.ftlh")).isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("three-byte-edge.ftlh: the output of three-byte-edge.ftlh reached 3 bytes");
    }

    /** Even when something between the template and the writer swallows the error, the render fails (nothing written after it too). */
    @Test
    void theOutputLimitHoldsWhenTheErrorIsSwallowed() throws IOException {
        template("last.ftlh", "<@swallow><#list 1..2000000000 as i>x</#list></@swallow>");
        template("more.ftlh", "<@swallow><#list 1..2000000000 as i>x</#list></@swallow>done");
        TemplateDirectiveModel swallow = (env, params, loopVars, body) -> {
            try {
                body.render(env.getOut());
            } catch (RuntimeException | freemarker.template.TemplateException e) {
                // a directive that ignores errors
            }
        };
        for (String name : List.of("last.ftlh", "more.ftlh")) {
            assertThatThrownBy(() -> render(limit("output-bytes", "100"), name, Map.of("swallow", swallow)))
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessageStartingWith(name + ": the output of " + name + " reached 101 bytes, more than the limit of 100;");
        }
    }

    /** A loop that writes nothing is stopped at render-seconds; its thread stops and the caller is not left interrupted. */
    @Test
    void aSilentEndlessLoopStopsAtTheTimeLimit() throws Exception {
        hostile("silent-loop.ftlh");
        assertThatThrownBy(() -> render(limit("render-seconds", "1"), "silent-loop.ftlh"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("silent-loop.ftlh: rendering silent-loop.ftlh did not finish within the limit of 1 seconds;"
                        + " if the input is trusted, raise the limit with --limit render-seconds=<value>");
        assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag of the caller").isFalse();
        assertThat(renderThreadsStop()).as("the looping template was interrupted, not abandoned").isTrue();
        // Render threads are reused: the one interrupted must not carry its flag into the next loop.
        template("fine.ftlh", "<#list 1..3 as i>${i}</#list> still works");
        for (int i = 0; i < 3; i++) {
            assertThat(render(limit("render-seconds", "1"), "fine.ftlh")).isEqualTo("123 still works");
        }
    }

    /** Included templates get the interruption checks too (they are loaded by the Environment, not by render()). */
    @Test
    void aSilentLoopInAnIncludedTemplateStopsToo() throws Exception {
        hostile("silent-loop.ftlh");
        hostile("includes-silent-loop.ftlh");
        assertThatThrownBy(() -> render(limit("render-seconds", "1"), "includes-silent-loop.ftlh"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("includes-silent-loop.ftlh: rendering includes-silent-loop.ftlh did not finish within the limit of 1 seconds;");
        assertThat(renderThreadsStop()).as("the included loop was interrupted, not abandoned").isTrue();
    }

    /** Rendering a template twice does not stack interruption checks (nor break it). */
    @Test
    void aCachedTemplateRendersTheSameEveryTime() throws IOException {
        template("t.ftlh", "<#list 1..3 as i>${i}</#list>");
        Renderer renderer = new Renderer(templates, Limits.DEFAULT);
        for (int i = 0; i < 3; i++) {
            assertThat(renderer.render("t.ftlh", story, catalog(), Map.of())).isEqualTo("123");
        }
    }

    @Test
    void endlessRecursionIsBadInput() throws IOException {
        hostile("endless-recursion.ftlh");
        assertThatThrownBy(() -> render(Limits.DEFAULT, "endless-recursion.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("endless-recursion.ftlh: rendering recursed too deeply; look for a macro or function that calls itself without end");
    }

    @Test
    void aTemplateOverTheInputLimitIsNotRead() throws IOException {
        template("big.ftlh", "x".repeat(2000));
        template("includes-big.ftlh", "\n  <#include \"big.ftlh\">");
        Limits small = limit("input-bytes", "1000");
        assertThatThrownBy(() -> render(small, "big.ftlh")).isInstanceOf(LimitExceededException.class)
                .hasMessage("big.ftlh: the template has 2000 bytes, more than the limit of 1000;"
                        + " if the input is trusted, raise the limit with --limit input-bytes=<value>");
        assertThatThrownBy(() -> render(small, "includes-big.ftlh")).isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("big.ftlh: the template has 2000 bytes, more than the limit of 1000;");
    }

    /** The limit is the largest size allowed: a template of exactly that many bytes is read. */
    @Test
    void aTemplateOfExactlyTheInputLimitIsRead() throws IOException {
        template("edge.ftlh", "y".repeat(1000));
        assertThat(render(limit("input-bytes", "1000"), "edge.ftlh")).isEqualTo("y".repeat(1000));
    }

    /** A template is read like every other input: strict UTF-8, never silently repaired. */
    @Test
    void aTemplateThatIsNotUtf8IsBadInput() throws IOException {
        java.nio.file.Files.write(templates.resolve("latin1.ftlh"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertThatThrownBy(() -> render(Limits.DEFAULT, "latin1.ftlh")).isInstanceOf(dev.newsbrief.model.InvalidInputException.class)
                .hasMessage("latin1.ftlh:1:4: the file is not valid UTF-8 (byte 0xE9 at offset 3); save it as UTF-8");
    }

    /** A folder named like a template is not a template: the embedded one is used. */
    @Test
    void aFolderNamedLikeATemplateIsNotRead() throws IOException {
        template("t.ftlh", "<#include \"dir.ftlh\">");
        java.nio.file.Files.createDirectories(templates.resolve("dir.ftlh"));
        assertThatThrownBy(() -> render(Limits.DEFAULT, "t.ftlh")).isInstanceOf(dev.newsbrief.model.InvalidInputException.class)
                .hasMessageStartingWith("t.ftlh:1:1: cannot include 'dir.ftlh': no such template");
    }

    @Test
    void templatesMayNotUseTheApiBuiltIn() throws IOException {
        template("t.ftlh", "${story?api.getClass()}");
        assertThatThrownBy(() -> render(Limits.DEFAULT, "t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("t.ftlh:1:3: Can't use ?api, because the \"api_builtin_enabled\" configuration setting is false."
                        + " Think twice before you set it to true though. Especially, it shouldn't abused for modifying Map-s and Collection-s.");
    }
}
