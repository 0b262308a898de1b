package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Lexicon;
import dev.newsbrief.model.InvalidInputException;
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

/**
 * What a {@code --templates} directory may reach (issue 7): only its own files and the embedded
 * defaults. Every refusal is bad input (exit 3) in one line naming the template and the include,
 * never FreeMarker's SecurityException or its multi-line "template not found".
 */
class TemplateSandboxTest {
    @TempDir
    Path root;

    private Path templates;
    private Path outside;

    private final Story story = new StoryLoader().load(Fixtures.fixture("render/story.yaml"));

    private static Catalog catalog() {
        Lexicon lexicon = new Lexicon("inline-lexicon.yaml", List.of(), Map.of(), Map.of(), Map.of(), List.of());
        return new Catalog("en", ULocale.forLanguageTag("en"), "inline.yaml", Map.of(), Map.of(), lexicon);
    }

    private void setUp() throws IOException {
        templates = Files.createDirectories(root.resolve("templates"));
        outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("secret.ftlh"), "SECRET", StandardCharsets.UTF_8);
    }

    private void template(String name, String text) throws IOException {
        Path file = templates.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String render(String name) {
        return new Renderer(templates).render(name, story, catalog(), Map.of());
    }

    @Test
    void anIncludeThroughASymlinkOutOfTheFolderIsRefused() throws IOException {
        setUp();
        Files.createSymbolicLink(templates.resolve("evil.ftlh"), outside.resolve("secret.ftlh"));
        template("t.ftlh", "<p>\n  <#include \"evil.ftlh\">");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("t.ftlh:2:3: cannot include 'evil.ftlh': a symbolic link that leads out of the templates directory;"
                        + " copy the file into the templates directory instead");
    }

    @Test
    void anImportThroughASymlinkedFolderIsRefused() throws IOException {
        setUp();
        Files.createSymbolicLink(templates.resolve("lib"), outside);
        template("t.ftlh", "<#import \"lib/secret.ftlh\" as lib>");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("t.ftlh:1:1: cannot include 'lib/secret.ftlh': a symbolic link that leads out of the templates directory;"
                        + " copy the file into the templates directory instead");
    }

    @Test
    void theMainTemplateThroughASymlinkOutOfTheFolderIsRefused() throws IOException {
        setUp();
        Files.createSymbolicLink(templates.resolve("brief.ftlh"), outside.resolve("secret.ftlh"));
        assertThatThrownBy(() -> render("brief.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("brief.ftlh: a symbolic link that leads out of the templates directory;"
                        + " copy the file into the templates directory instead");
    }

    @Test
    void aBrokenSymlinkIsRefusedNotSkipped() throws IOException {
        setUp();
        Files.createSymbolicLink(templates.resolve("brief.ftlh"), templates.resolve("gone.ftlh"));
        assertThatThrownBy(() -> render("brief.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("brief.ftlh: a symbolic link to a file that does not exist; replace the link with the file");
    }

    /** A link that stays inside the folder is just another name for one of its files. */
    @Test
    void aSymlinkInsideTheFolderIsFollowed() throws IOException {
        setUp();
        template("real.ftlh", "real");
        Files.createSymbolicLink(templates.resolve("alias.ftlh"), templates.resolve("real.ftlh"));
        template("t.ftlh", "<#include \"alias.ftlh\">");
        assertThat(render("t.ftlh")).isEqualTo("real");
    }

    @Test
    void anIncludeAboveTheFolderIsRefused() throws IOException {
        setUp();
        template("t.ftlh", "<#include \"../outside/secret.ftlh\">");
        template("deep.ftlh", "\n <#import \"../../../../etc/passwd\" as p>");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("t.ftlh:1:1: cannot include '../outside/secret.ftlh': no such template in the templates directory or the"
                        + " embedded defaults (names are relative to the including template and may not leave the templates directory)");
        assertThatThrownBy(() -> render("deep.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("deep.ftlh:2:2: cannot include '../../../../etc/passwd': no such template");
    }

    /** An absolute name means the root of the templates directory, never of the file system. */
    @Test
    void anAbsoluteIncludeStaysInTheFolder() throws IOException {
        setUp();
        template("t.ftlh", "<#include \"" + outside.resolve("secret.ftlh") + "\">");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("t.ftlh:1:1: cannot include '" + outside.resolve("secret.ftlh") + "': no such template");
    }

    @Test
    void aSyntaxErrorInAnIncludedTemplateNamesThatTemplate() throws IOException {
        setUp();
        template("t.ftlh", "<#include \"part.ftlh\">");
        template("part.ftlh", "<p>\n<#if true>\n");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("part.ftlh:2:11: template syntax error: Unexpected end of file reached. You have an unclosed #if.");
    }

    @Test
    void anUndefinedVariableInAnIncludedTemplateNamesThatTemplate() throws IOException {
        setUp();
        template("t.ftlh", "<#include \"part.ftlh\">");
        template("part.ftlh", "<p>\n  ${nosuch}\n");
        assertThatThrownBy(() -> render("t.ftlh"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("part.ftlh:2:5: The following has evaluated to null or missing: nosuch");
    }
}
