package dev.newsbrief.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.Builder;
import dev.newsbrief.build.Format;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Glyph coverage, reproducible bytes and the locked-down resource loader. */
class PdfSafetyTest {
    private static final Set<Format> PDF = Set.of(Format.PDF);

    /** A character no configured font has fails the build, names it and its field, and leaves no PDF. */
    @Test
    void missingGlyphFailsBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        Path story = Fixtures.copyOfDefaultBundle(dir.resolve("dove"));
        Files.writeString(story.resolve("story.yaml"), Builder.embeddedDefaultStory()
                .replace("ru: \"Важная веха.\"", "ru: \"Важная веха \uD83D\uDD4A.\""), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        BuildOptions options = BuildOptions.defaults().withOutput(out).withFormats(PDF)
                .withLanguages(List.of("ru")).withStories(List.of(story));
        assertThatThrownBy(() -> new Builder().build(options))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("story.yaml:")
                .hasMessageContaining("quotes[2].translations.ru")
                .hasMessageContaining("ru: character U+1F54A (DOVE OF PEACE) is in none of the PDF fonts 'Noto Serif', 'Noto Serif Armenian'");
        assertThat(Fixtures.publishedFiles(out)).isEmpty();
    }

    @Test
    void sameInputsGiveIdenticalPdfBytes(@TempDir Path first, @TempDir Path second) throws IOException {
        Builder builder = new Builder();
        BuildOptions options = BuildOptions.defaults().withFormats(Set.of(Format.PDF, Format.PACK)).withLanguages(List.of("hy", "ru"));
        builder.build(options.withOutput(first));
        builder.build(options.withOutput(second));
        new Builder().build(options.withOutput(second.resolve("fresh")));
        for (String relative : List.of("hy/" + Fixtures.DEFAULT_ID + ".pdf", "ru/" + Fixtures.DEFAULT_ID + ".pdf", "pack/" + Fixtures.DEFAULT_ID + ".pdf")) {
            byte[] expected = Files.readAllBytes(first.resolve(relative));
            assertThat(Files.readAllBytes(second.resolve(relative))).as(relative).isEqualTo(expected);
            assertThat(Files.readAllBytes(second.resolve("fresh").resolve(relative))).as(relative + " in a new builder").isEqualTo(expected);
        }
    }

    @Test
    void sourceDateEpochSetsTheDates(@TempDir Path out) throws IOException {
        Instant epoch = Instant.ofEpochSecond(1_754_697_600L);
        new Builder().build(BuildOptions.defaults().withOutput(out).withFormats(PDF).withLanguages(List.of("en"))
                .withPdf(new PdfOptions(PdfOptions.Paper.LETTER, PdfOptions.Profile.STANDARD, epoch)));
        try (PDDocument pdf = Loader.loadPDF(out.resolve("en/" + Fixtures.DEFAULT_ID + ".pdf").toFile())) {
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(epoch);
            assertThat(pdf.getDocumentInformation().getModificationDate().toInstant()).isEqualTo(epoch);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
        }
    }

    /** An external URL in a template is refused, and the local listener it points at never sees a connection. */
    @Test
    void externalUrlsAreRefusedWithoutAnyConnection(@TempDir Path templates, @TempDir Path out) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(200);
            AtomicInteger connections = new AtomicInteger();
            Thread watcher = Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try (var socket = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String base = "http://127.0.0.1:" + listener.getLocalPort();
            List<String> accepted = new java.util.ArrayList<>();
            for (String reference : List.of(
                    "<img src=\"" + base + "/pixel.png\" alt=\"\" />",
                    "</head>:<link rel=\"stylesheet\" href=\"" + base + "/style.css\" />",
                    "</head>:<style>@import url(\"" + base + "/import.css\");</style>",
                    "</head>:<style>body { background-image: url(\"" + base + "/page.png\"); }</style>",
                    "<div style=\"background-image: url('" + base + "/bg.png')\">x</div>",
                    "<img src=\"file:///etc/passwd\" alt=\"\" />",
                    "<img src=\"../../../../etc/passwd\" alt=\"\" />")) {
                Path pdfDir = Files.createDirectories(templates.resolve("pdf"));
                String original = new String(getClass().getResourceAsStream("/templates/pdf/brief.ftlx").readAllBytes(), StandardCharsets.UTF_8);
                // "</head>:…" goes into the head, where the renderer reads stylesheets; the rest into the body.
                String modified = reference.startsWith("</head>:")
                        ? original.replace("</head>", reference.substring("</head>:".length()) + "\n</head>")
                        : original.replace("<body>", "<body>" + reference);
                Files.writeString(pdfDir.resolve("brief.ftlx"), modified);
                BuildOptions options = BuildOptions.defaults().withOutput(out).withFormats(PDF)
                        .withLanguages(List.of("en")).withTemplates(templates);
                try {
                    new Builder().build(options);
                    accepted.add(reference);
                } catch (ResourceRefusedException expected) {
                    assertThat(expected).hasMessageContaining("refused to load");
                }
            }
            assertThat(accepted).as("references that were not refused").isEmpty();
            Thread.sleep(300);
            listener.close();
            watcher.join(2000);
            assertThat(connections.get()).as("connections to the local listener").isZero();
            assertThat(Fixtures.publishedFiles(out)).isEmpty();
        }
    }

    @Test
    void templateAssetsAreAllowed(@TempDir Path templates, @TempDir Path out) throws IOException {
        Path pdfDir = Files.createDirectories(templates.resolve("pdf"));
        Files.writeString(pdfDir.resolve("extra.css"), "h1 { color: #333333; }");
        String original = new String(getClass().getResourceAsStream("/templates/pdf/brief.ftlx").readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(pdfDir.resolve("brief.ftlx"), original.replace("</head>", "<link rel=\"stylesheet\" href=\"extra.css\" />\n</head>"));
        new Builder().build(BuildOptions.defaults().withOutput(out).withFormats(PDF).withLanguages(List.of("en")).withTemplates(templates));
        assertThat(out.resolve("en/" + Fixtures.DEFAULT_ID + ".pdf")).isRegularFile();
    }
}
