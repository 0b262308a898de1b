package dev.newsbrief.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.model.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The error page's excerpt: the offending line of the file the error names, with a caret under its column. */
class ErrorReportTest {
    @Test
    void theLineAndACaretUnderTheColumnTabsKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("messages.yaml");
        Files.writeString(file, "a: 1\n\tb: \"{x\"\nc: 3\n");
        ErrorReport report = ErrorReport.of(new InvalidInputException(file.toString(), 2, 5, "b", "bad pattern"), List.of());
        assertThat(report.where()).isEqualTo(file + ":2:5");
        assertThat(report.line()).isEqualTo("\tb: \"{x\"");
        assertThat(report.caret()).isEqualTo("\t   ^");
        assertThat(report.field()).isEqualTo("b");
        assertThat(report.problem()).isEqualTo("bad pattern");
    }

    @Test
    void aTemplateNameIsFoundUnderTheTemplatesDirectoryThenEmbedded(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("brief.ftlh"), "one\n<#if>\n");
        assertThat(ErrorReport.of(new InvalidInputException("brief.ftlh", 2, 1, "", "syntax"), List.of(dir)).line()).isEqualTo("<#if>");
        assertThat(ErrorReport.of(new InvalidInputException("brief.ftlh", 1, 1, "", "syntax"), List.of()).line())
                .startsWith("<#-- The HTML brief");
        assertThat(ErrorReport.of(new InvalidInputException("(embedded) translations/en/messages.yaml", 1, 0, "", "x"), List.of())
                .line()).isNotEmpty();
    }

    @Test
    void noFileNoLineNoExcerpt() {
        ErrorReport report = ErrorReport.of(new InvalidInputException("--lang", 0, 0, "", "no translations for 'fr'"), List.of());
        assertThat(report.where()).isEqualTo("--lang");
        assertThat(report.line()).isEmpty();
        assertThat(report.caret()).isEmpty();
    }
}
