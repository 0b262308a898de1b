package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental builds: a file whose inputs did not change is not written again; nothing changed, nothing touched. */
class IncrementalBuildTest {
    private static final String MINIMAL = "minimal-summit-2026";
    private final Builder builder = new Builder();

    /** A copy of the minimal story bundle the test may edit. */
    private static Path story(Path tmp) throws IOException {
        Path copy = tmp.resolve("stories/minimal");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Fixtures.fixture("stories/minimal"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static BuildOptions options(Path out, Path story, String... languages) {
        return BuildOptions.defaults().withOutput(out).withLanguages(List.of(languages)).withFormats(Set.of(Format.HTML, Format.PDF))
                .withStories(List.of(story));
    }

    /** Every path under the output (links not followed, .newsbrief included) with its modification time. */
    private static Map<String, FileTime> times(Path out) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path path : walk.toList()) {
                times.put(out.relativize(path).toString(), Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS));
            }
        }
        return times;
    }

    private static void age(Path out) throws IOException {
        // Modification times have a coarse grain on some file systems: move every one an hour back, so a rewrite shows.
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path path : walk.toList()) {
                if (!Files.isSymbolicLink(path)) {
                    Files.setLastModifiedTime(path, old);
                }
            }
        }
    }

    @Test
    void aSecondBuildWithNothingChangedWritesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        BuildResult first = builder.build(options(out, story, "en", "ru"));
        assertThat(first.upToDate()).isFalse();
        age(out);
        Map<String, FileTime> before = times(out);

        List<String> heard = new ArrayList<>();
        BuildResult second = builder.build(options(out, story, "en", "ru"), (event, detail) -> heard.add(event.name()));
        assertThat(second.upToDate()).isTrue();
        assertThat(second.files()).isEmpty();
        assertThat(second.manifest()).isEqualTo(first.manifest());
        assertThat(heard).containsExactly("LOCKED", "UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED", "UP_TO_DATE");
        // The lock record is rewritten by every build that takes the lock: newsbrief's own state, not output.
        before.remove(".newsbrief/lock");
        Map<String, FileTime> after = times(out);
        after.remove(".newsbrief/lock");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void theManifestRecordsWhatEachFileWasMadeFrom(@TempDir Path tmp) throws IOException {
        BuildResult result = builder.build(options(tmp.resolve("out"), story(tmp), "en", "ru"));
        assertThat(result.manifest()).allSatisfy(entry -> assertThat(entry.inputs()).matches("[0-9a-f]{64}"));
        assertThat(result.manifest()).extracting(ManifestEntry::inputs).doesNotHaveDuplicates();
        assertThat(Files.readString(tmp.resolve("out/manifest.json"))).contains("\"inputs\" : \"" + result.manifest().get(0).inputs());
    }

    @Test
    void aChangedStoryRewritesOnlyItsOwnFiles(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        Path other = Fixtures.fixture("stories/plain-signing");
        builder.build(options(out, story, "en").withStories(List.of(story, other)));
        Map<String, FileTime> before = times(out);
        age(out);
        before = times(out);

        Path facts = story.resolve("story.yaml");
        Files.writeString(facts, Files.readString(facts) + "\n# an editor's note\n");
        BuildResult result = builder.build(options(out, story, "en").withStories(List.of(story, other)));
        assertThat(result.files()).extracting(ManifestEntry::path).containsExactly("en/" + MINIMAL + ".html", "en/" + MINIMAL + ".pdf");
        Map<String, FileTime> after = times(out);
        for (String path : before.keySet()) {
            if (path.startsWith("en/") && !path.contains(MINIMAL) && !path.equals("en")) {
                assertThat(after.get(path)).as(path).isEqualTo(before.get(path));
            }
        }
    }

    @Test
    void changedTranslationsRewriteOnlyThatLanguage(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        Path translations = Files.createDirectories(tmp.resolve("translations/ru"));
        String russian = Files.readString(Path.of("translations/ru/messages.yaml"));
        Files.writeString(translations.resolve("messages.yaml"), russian);
        BuildOptions options = options(out, story, "en", "ru").withTranslations(tmp.resolve("translations"));
        builder.build(options);
        Files.writeString(translations.resolve("messages.yaml"), russian + "\n# an editor's note\n");
        BuildResult result = builder.build(options);
        assertThat(result.files()).extracting(ManifestEntry::path).containsExactly("ru/" + MINIMAL + ".html", "ru/" + MINIMAL + ".pdf");
    }

    @Test
    void changedLineBreakingRulesOfOneLanguageRewriteEveryPage(@TempDir Path tmp) throws IOException {
        // A Russian page quotes English originals, set by the English rules: they are its inputs too.
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        Path english = Files.createDirectories(tmp.resolve("translations/en"));
        Files.writeString(english.resolve("typography.yaml"), Files.readString(Path.of("translations/en/typography.yaml")));
        BuildOptions options = options(out, story, "en", "ru").withTranslations(tmp.resolve("translations"));
        builder.build(options);
        Files.writeString(english.resolve("typography.yaml"), "rules: []\n");
        BuildResult result = builder.build(options);
        assertThat(result.files()).extracting(ManifestEntry::path).contains("ru/" + MINIMAL + ".html", "en/" + MINIMAL + ".html");
    }

    @Test
    void changedTemplatesRewriteEverything(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("notes.txt"), "one");
        builder.build(options(out, story, "en", "ru").withTemplates(templates));
        Files.writeString(templates.resolve("notes.txt"), "two");
        assertThat(builder.build(options(out, story, "en", "ru").withTemplates(templates)).files()).hasSize(4);
    }

    /** Adding a language changes every HTML page's switcher, so those pages are rendered again; the PDFs are not. */
    @Test
    void anAddedLanguageRewritesTheOtherPagesButNotTheirPdfs(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        builder.build(options(out, story, "en"));
        BuildResult result = builder.build(options(out, story, "en", "ru"));
        assertThat(result.files()).extracting(ManifestEntry::path)
                .containsExactlyInAnyOrder("en/" + MINIMAL + ".html", "ru/" + MINIMAL + ".html", "ru/" + MINIMAL + ".pdf");
    }

    @Test
    void otherPdfOptionsRewriteThePdfs(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        builder.build(options(out, story, "en"));
        var letter = new dev.newsbrief.pdf.PdfOptions(dev.newsbrief.pdf.PdfOptions.Paper.LETTER,
                dev.newsbrief.pdf.PdfOptions.defaults().profile(), null);
        assertThat(builder.build(options(out, story, "en").withPdf(letter)).files()).isNotEmpty();
    }

    /** A published file that went missing is not "up to date": the build publishes again and says what is wrong. */
    @Test
    void aDamagedOutputIsNeverUpToDate(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        builder.build(options(out, story, "en"));
        Path gone = out.resolve(".newsbrief/releases/000001/en/" + MINIMAL + ".pdf");
        Files.delete(gone);
        assertThatThrownBy(() -> builder.build(options(out, story, "en").withFormats(Set.of(Format.HTML))))
                .hasMessageContaining("the published file " + gone + " is missing");
        // A top-level link replaced by the user's folder: not up to date either.
        Path out2 = tmp.resolve("out2");
        builder.build(options(out2, story, "en"));
        Files.delete(out2.resolve("en"));
        Files.createDirectories(out2.resolve("en"));
        assertThatThrownBy(() -> builder.build(options(out2, story, "en"))).hasMessageContaining("is in the way");
    }

    @Test
    void anExtraOutputMustStayInsideTheOutput() {
        for (String path : List.of("../x/y", "x/../y", ".newsbrief/x", "x", "x//y", "/x/y")) {
            assertThatThrownBy(() -> new ExtraOutput(path, "g", "en", "k", "i", () -> new byte[0])).as(path)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void forceAndCleanRenderEverything(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        builder.build(options(out, story, "en"));
        assertThat(builder.build(options(out, story, "en").withForce(true)).files()).hasSize(2);
        assertThat(builder.build(options(out, story, "en").withClean(true)).files()).hasSize(2);
    }

    /** Extra outputs (a newsletter's pages) follow the same rule, by their own fingerprint. */
    @Test
    void extraOutputsAreRenderedOnlyWhenTheirInputsChange(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        int[] renders = {0};
        ExtraOutput page = new ExtraOutput("letters/en/1.txt", "letters", "en", "text", "v1", () -> {
            renders[0]++;
            return "one".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        });
        builder.build(options(out, story, "en").withExtras(List.of(page)));
        assertThat(Files.readString(out.resolve("letters/en/1.txt"))).isEqualTo("one");
        assertThat(builder.build(options(out, story, "en").withExtras(List.of(page))).upToDate()).isTrue();
        assertThat(renders[0]).isEqualTo(1);
        ExtraOutput changed = new ExtraOutput("letters/en/1.txt", "letters", "en", "text", "v2",
                () -> "two".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BuildResult result = builder.build(options(out, story, "en").withExtras(List.of(changed)));
        assertThat(result.files()).extracting(ManifestEntry::path).containsExactly("letters/en/1.txt");
        assertThat(Files.readString(out.resolve("letters/en/1.txt"))).isEqualTo("two");
        assertThat(result.manifest()).filteredOn(entry -> entry.path().equals("letters/en/1.txt"))
                .extracting(ManifestEntry::story, ManifestEntry::format).containsExactly(org.assertj.core.groups.Tuple.tuple("letters", "text"));
    }

    /** A manifest from before input fingerprints: every file is rendered once more, then the output is incremental. */
    @Test
    void aManifestWithoutFingerprintsRebuildsOnce(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path story = story(tmp);
        builder.build(options(out, story, "en"));
        Path manifest = out.resolve(".newsbrief/releases/000001/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceAll(",\\s*\"inputs\" : \"[0-9a-f]+\"", ""));
        assertThat(builder.build(options(out, story, "en")).files()).hasSize(2);
        assertThat(builder.build(options(out, story, "en")).upToDate()).isTrue();
    }
}
