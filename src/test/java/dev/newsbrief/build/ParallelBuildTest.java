package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files rendered on several threads are the files one thread renders, byte for byte, listed in the same order. */
class ParallelBuildTest {
    private static final List<Path> STORIES = List.of(Fixtures.fixture("stories/minimal"), Fixtures.fixture("stories/plain-signing"));

    @Test
    void parallelOutputIsByteIdenticalToSequential(@TempDir Path sequential, @TempDir Path parallel) throws IOException {
        BuildOptions options = BuildOptions.defaults().withForce(true);
        // Fresh builders: fonts parsed anew on each side, and the parallel side must parse its own copies.
        BuildResult one = new Builder().build(options.withOutput(sequential).withThreads(1));
        BuildResult four = new Builder().build(options.withOutput(parallel).withThreads(4));
        assertThat(four.files()).extracting(ManifestEntry::path).containsExactlyElementsOf(one.files().stream().map(ManifestEntry::path).toList());
        assertThat(one.files()).hasSize(9);
        assertThat(contents(parallel)).isEqualTo(contents(sequential));

        new Builder().build(options.withStories(STORIES).withOutput(sequential).withThreads(1).withClean(true));
        new Builder().build(options.withStories(STORIES).withOutput(parallel).withThreads(3).withClean(true));
        Map<Path, String> many = contents(parallel);
        assertThat(many.keySet()).filteredOn(path -> path.toString().endsWith(".pdf")).hasSizeGreaterThanOrEqualTo(2 * 5);
        assertThat(many).isEqualTo(contents(sequential));
    }

    /** Several PDFs at once in one renderer: each document is the one a lone render gives (no font state shared between them). */
    @Test
    void concurrentPdfsOfOneRendererAreThoseOfALoneRenderer(@TempDir Path alone, @TempDir Path together) throws IOException {
        BuildOptions pdfs = BuildOptions.defaults().withStories(STORIES).withFormats(java.util.Set.of(Format.PDF));
        Builder builder = new Builder();
        builder.build(pdfs.withOutput(alone).withThreads(1));
        // The same Builder: its parsed fonts are reused by the first thread and copied for the others.
        builder.build(pdfs.withOutput(together).withThreads(6));
        assertThat(contents(together)).isEqualTo(contents(alone));
    }

    /** The error of a parallel build is the one a sequential build reports: the first failing file in plan order. */
    @Test
    void theFirstFailureInPlanOrderIsReported(@TempDir Path out, @TempDir Path templates) throws IOException {
        // Each language's page fails, each with its own message: the first in plan order (az) must win every time.
        Files.writeString(templates.resolve("brief.ftlh"), "<p>${nb.msg(\"no.such.key.\" + lang)}</p>");
        BuildOptions broken = BuildOptions.defaults().withOutput(out).withTemplates(templates)
                .withFormats(java.util.Set.of(Format.HTML)).withThreads(4);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> new Builder().build(broken)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> messages.add(e.getMessage()));
        }
        assertThat(messages).allSatisfy(message -> assertThat(message).contains("no.such.key.az"));
        assertThat(Files.exists(out.resolve(Builder.MANIFEST))).isFalse();
    }

    /** Every published file by its path in the output, as a SHA-256 (the manifest included). */
    private static Map<Path, String> contents(Path output) throws IOException {
        return new TreeMap<>(BuilderTest.snapshot(output));
    }
}
