package dev.newsbrief.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.Builder;
import dev.newsbrief.build.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF renderer's resource loader reads template assets through the same link check as every other template file. */
class LockedUserAgentTest {
    private static final Set<Format> PDF = Set.of(Format.PDF);

    /** A stylesheet linked out of --templates is refused like a URL, naming the link and where it leads; no PDF is written. */
    @Test
    void anAssetLinkedOutOfTheTemplatesIsRefused(@TempDir Path templates, @TempDir Path outside, @TempDir Path out) throws IOException {
        Path pdfDir = Files.createDirectories(templates.resolve("pdf"));
        Path target = Files.writeString(outside.resolve("stolen.css"), "h1 { color: #333333; }");
        Path link = Files.createSymbolicLink(pdfDir.resolve("extra.css"), target);
        String original = new String(getClass().getResourceAsStream("/templates/pdf/brief.ftlx").readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(pdfDir.resolve("brief.ftlx"), original.replace("</head>", "<link rel=\"stylesheet\" href=\"extra.css\" />\n</head>"));
        BuildOptions options = BuildOptions.defaults().withOutput(out).withFormats(PDF).withLanguages(List.of("en")).withTemplates(templates);
        assertThatThrownBy(() -> new Builder().build(options))
                .isInstanceOf(ResourceRefusedException.class)
                .hasMessageContaining("refused to load 'extra.css (" + link + ": is a link to " + target.toRealPath()
                        + ", outside --templates (" + templates.toRealPath() + "); copy the file into the folder instead)'");
        try (var files = Files.walk(out)) {
            // The output directory's own lock (.newsbrief/) is no published output.
            assertThat(files.filter(Files::isRegularFile).filter(f -> !out.relativize(f).startsWith(".newsbrief"))).isEmpty();
        }
    }
}
