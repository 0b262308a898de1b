package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.Fixtures;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuilderTest {
    private final Builder builder = new Builder();

    @Test
    void manifestListsEveryFileWithSizeAndDigest(@TempDir Path out) throws IOException {
        BuildResult result = builder.build(BuildOptions.defaults().withOutput(out));
        assertThat(result.files()).extracting(entry -> entry.format() + ":" + entry.locale()).containsExactly(
                "html:az", "html:en", "html:hy", "html:ru", "pdf:az", "pdf:en", "pdf:hy", "pdf:ru", "pack:mul");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("files")).hasSize(9);
        for (JsonNode file : manifest.path("files")) {
            Path path = out.resolve(file.path("path").asText());
            byte[] bytes = Files.readAllBytes(path);
            assertThat(file.path("story").asText()).isEqualTo(Fixtures.DEFAULT_ID);
            String folder = file.path("format").asText().equals("pack") ? "pack" : file.path("locale").asText();
            String extension = file.path("format").asText().equals("html") ? ".html" : ".pdf";
            assertThat(path.toString()).endsWith(folder + "/" + Fixtures.DEFAULT_ID + extension);
            assertThat(file.path("size").asLong()).isEqualTo(bytes.length);
            assertThat(file.path("sha256").asText()).isEqualTo(Builder.sha256(bytes));
        }
        assertThat(stagingLeftovers(out)).isEmpty();
    }

    /** A build that fails on its second story leaves the previous output exactly as it was. */
    @Test
    void failedBuildLeavesOutputUntouched(@TempDir Path out) throws IOException {
        builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("ru")).withFormats(Set.of(Format.HTML)));
        Map<Path, String> before = snapshot(out);
        BuildOptions failing = BuildOptions.defaults().withOutput(out).withStories(List.of(
                Fixtures.fixture("stories/minimal"), Fixtures.fixture("bad/unknown-entity.yaml")));
        assertThatThrownBy(() -> builder.build(failing)).isInstanceOf(InvalidInputException.class);
        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(stagingLeftovers(out)).isEmpty();
    }

    /** Stories are checked while the output is locked: a bad one leaves no lock folder, nor an output folder it created. */
    @Test
    void aBadStoryLeavesNoTraceOfTheBuild(@TempDir Path tmp) throws IOException {
        Path created = tmp.resolve("new-output");
        BuildOptions bad = BuildOptions.defaults().withStories(List.of(Fixtures.fixture("bad/unknown-entity.yaml")));
        assertThatThrownBy(() -> builder.build(bad.withOutput(created))).isInstanceOf(InvalidInputException.class);
        assertThat(created).doesNotExist();
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThatThrownBy(() -> builder.build(bad.withOutput(empty))).isInstanceOf(InvalidInputException.class);
        try (Stream<Path> left = Files.list(empty)) {
            assertThat(left).isEmpty();
        }
    }

    /** A template error in the middle of rendering publishes nothing either. */
    @Test
    void renderFailureLeavesNoHalfWrittenOutput(@TempDir Path out, @TempDir Path templates) throws IOException {
        Files.writeString(templates.resolve("brief.ftlh"), "<p>${nb.msg(\"no.such.key\")}</p>");
        BuildOptions options = BuildOptions.defaults().withOutput(out).withTemplates(templates);
        assertThatThrownBy(() -> builder.build(options))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no.such.key")
                .hasMessageContaining("brief.ftlh:1");
        assertThat(snapshot(out)).isEmpty();
    }

    @Test
    void identicalInputsGiveIdenticalBytes(@TempDir Path first, @TempDir Path second) throws IOException {
        builder.build(BuildOptions.defaults().withOutput(first).withFormats(Set.of(Format.HTML)));
        builder.build(BuildOptions.defaults().withOutput(second).withFormats(Set.of(Format.HTML)));
        assertThat(snapshot(second)).isEqualTo(snapshot(first));
    }

    /** A fifth language is new files only: a story that needs no wording of its own builds in it at once. */
    @Test
    void aFifthLanguageIsNewFilesOnly(@TempDir Path out, @TempDir Path translations) throws IOException {
        // German, made only of files under translations/de: the English files with German words.
        Path de = Files.createDirectories(translations.resolve("de"));
        String english = new String(getClass().getResourceAsStream("/translations/en/messages.yaml").readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(de.resolve("messages.yaml"), english.replace("summit: \"{parties} {parties_count, plural, one {holds} other {hold}} summit in {city}\"",
                "summit: \"Gipfeltreffen von {parties} in {city}\"").replace("keyFacts: Key facts", "keyFacts: Auf einen Blick"));
        Files.copy(getClass().getResourceAsStream("/translations/en/lexicon.yaml"), de.resolve("lexicon.yaml"));
        BuildResult result = builder.build(BuildOptions.defaults().withOutput(out).withTranslations(translations)
                .withStories(List.of(Fixtures.fixture("stories/minimal"))).withFormats(Set.of(Format.HTML)));
        assertThat(result.files()).extracting(ManifestEntry::locale).containsExactly("az", "de", "en", "hy", "ru");
        String page = Files.readString(out.resolve("de/minimal-summit-2026.html"));
        assertThat(page).contains("<html lang=\"de\"", "Gipfeltreffen von Armenia und Azerbaijan in London", "12. Februar 2026",
                "Auf einen Blick", "hreflang=\"de\"");
    }

    /** A story whose bundle has no wording for a language fails for that language: never another story's prose. */
    @Test
    void aStoryWithoutWordingInALanguageIsAnErrorNamingStoryLanguageAndKey(@TempDir Path out, @TempDir Path translations) throws IOException {
        Path de = Files.createDirectories(translations.resolve("de"));
        Files.copy(getClass().getResourceAsStream("/translations/en/messages.yaml"), de.resolve("messages.yaml"));
        Files.copy(getClass().getResourceAsStream("/translations/en/lexicon.yaml"), de.resolve("lexicon.yaml"));
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withTranslations(translations)
                .withLanguages(List.of("de")).withFormats(Set.of(Format.HTML))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("(embedded) stories/armenia-azerbaijan-peace-2025/story.yaml:")
                .hasMessageContaining("no wording for claim 'standfirst' in language 'de'; add 'standfirst' under 'messages: claim:' in the story's de.yaml");
        assertThat(snapshot(out)).isEmpty();
    }

    @Test
    void anEntityWithoutANameInALanguageIsReportedAtItsDeclaration(@TempDir Path out) {
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("en"))
                .withFormats(Set.of(Format.HTML)).withStories(List.of(Fixtures.fixture("bad/unnamed-entity.yaml")))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unnamed-entity.yaml:12:15: entities.atlantis: no name for 'atlantis' in language 'en'");
    }

    /** Templates are chosen per story kind: kinds/<kind>/T before T, pieces included. */
    @Test
    void aStoryKindGetsItsOwnTemplatesAndFallsBackToTheDefaults(@TempDir Path out, @TempDir Path templates) throws IOException {
        Path kind = Files.createDirectories(templates.resolve("kinds/summit-test"));
        Files.writeString(kind.resolve("key-facts.ftlh"), "<#macro keyFacts story nb idPrefix><p id=\"kind-facts\">${story.kind}</p></#macro>");
        builder.build(BuildOptions.defaults().withOutput(out).withTemplates(templates).withLanguages(List.of("en"))
                .withFormats(Set.of(Format.HTML)).withStories(List.of(Fixtures.fixture("stories/minimal"), Fixtures.repositoryStoryDirectories().get(0))));
        var minimal = Fixtures.brief(out, "en", "minimal-summit-2026");
        assertThat(minimal.select("#kind-facts").text()).isEqualTo("summit-test");
        assertThat(minimal.select("section.key-facts")).isEmpty();
        assertThat(minimal.select("h1").text()).as("the rest falls back to the defaults").isEqualTo("Armenia and Azerbaijan hold summit in London");
        var agreement = Fixtures.brief(out, "en", Fixtures.DEFAULT_ID);
        assertThat(agreement.select("#kind-facts")).isEmpty();
        assertThat(agreement.select("section.key-facts th")).isNotEmpty();
    }

    @Test
    void theCeasefireKindListsItsDeadlinesAmongTheKeyFacts() {
        var ceasefire = Fixtures.brief(Fixtures.storiesBuild(), "en", "israel-lebanon-ceasefire-2024");
        assertThat(ceasefire.select("section.key-facts tr.deadline time").attr("datetime")).isEqualTo("2025-01-26");
        var agreement = Fixtures.brief(Fixtures.storiesBuild(), "en", "india-uk-trade-agreement-2025");
        assertThat(agreement.select("section.key-facts tr.deadline")).isEmpty();
    }

    @Test
    void overrideDirectoriesMayBeRelativeAndMustExist(@TempDir Path out) throws IOException {
        Path relative = Path.of("target", "relative-templates-" + System.nanoTime());
        Files.createDirectories(relative.resolve("assets"));
        Files.writeString(relative.resolve("assets/brief.css"), "body { color: #654321; }");
        builder.build(BuildOptions.defaults().withOutput(out).withTemplates(relative).withLanguages(List.of("en")).withFormats(Set.of(Format.HTML)));
        assertThat(Files.readString(out.resolve("en/" + Fixtures.DEFAULT_ID + ".html"))).contains("color: #654321");
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withTranslations(Path.of("no-such-translations"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("no-such-translations: no such directory; the --translations option needs a directory laid out like the embedded translations/");
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withTemplates(Path.of("no-such-templates"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no-such-templates: no such directory");
    }

    @Test
    void templatesOverrideTheEmbeddedOnesFileByFile(@TempDir Path out, @TempDir Path templates) throws IOException {
        Files.createDirectories(templates.resolve("assets"));
        Files.writeString(templates.resolve("assets/brief.css"), "body { color: #123456; }");
        builder.build(BuildOptions.defaults().withOutput(out).withTemplates(templates).withLanguages(List.of("en")).withFormats(Set.of(Format.HTML)));
        String page = Files.readString(out.resolve("en/" + Fixtures.DEFAULT_ID + ".html"));
        assertThat(page).contains("color: #123456").contains("<h1>Armenia and Azerbaijan sign peace agreement at the White House</h1>");
    }

    @Test
    void unknownLanguageListsTheAvailableOnes(@TempDir Path out) {
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("fr"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no translations for 'fr'; available: az, en, hy, ru");
    }

    @Test
    void unwordedClaimIsReportedAgainstTheStoryLine(@TempDir Path out) {
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("en"))
                .withStories(List.of(Fixtures.fixture("bad/unworded-claim.yaml")))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unworded-claim.yaml:27:18: benefits[0].claims[0].claim: no wording for claim 'world-peace-forever' in language 'en'");
    }

    @Test
    void aSectionWithoutAHeadingInALanguageIsReportedAtItsId(@TempDir Path out) {
        Path story = Fixtures.fixture("build/unheaded-section");
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("en"))
                .withFormats(Set.of(Format.HTML)).withStories(List.of(story))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(story.resolve("story.yaml") + ":22:9: sections[1].id: no heading 'section.aftermath' in language 'en'; "
                        + "add it under 'messages:' in the story's en.yaml (or to the shared messages if every story may use it)");
    }

    @Test
    void aKeyFactWithoutALabelInALanguageIsReportedAtItsLabel(@TempDir Path out) {
        Path story = Fixtures.fixture("build/unlabelled-fact.yaml");
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("hy"))
                .withFormats(Set.of(Format.HTML)).withStories(List.of(story))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(story + ":19:14: keyFacts[1].label: no label 'fact.mystery' in language 'hy'; add it under 'messages:' in the story's hy.yaml");
    }

    @Test
    void aBundleMayNotWordALanguageTheTranslationsLack(@TempDir Path out) throws IOException {
        Path story = Fixtures.fixture("build/stray-language");
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("en"))
                .withFormats(Set.of(Format.HTML)).withStories(List.of(story))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(story.resolve("fr.yaml") + ": no language 'fr' under translations/ (available: az, en, hy, ru); "
                        + "name the file after one of them, or add that language's translations");
        assertThat(snapshot(out)).isEmpty();
    }

    @Test
    void aStoryThatIsNeitherFileNorFolderIsNamedInTheError(@TempDir Path out) {
        Path missing = out.resolve("no-such-story.yaml");
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withStories(List.of(missing))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(missing + ": no such story file or folder; give a story's YAML file or a story bundle folder (holding story.yaml)");
    }

    @Test
    void twoStoriesMayNotShareAnId(@TempDir Path out) throws IOException {
        Path first = Fixtures.fixture("stories/minimal");
        Path second = Fixtures.fixture("build/same-id-as-minimal.yaml");
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withFormats(Set.of(Format.HTML))
                .withStories(List.of(first, second))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(second + ":2:5: id: story id 'minimal-summit-2026' is also used by " + first.resolve("story.yaml")
                        + "; each story needs its own id (it names the output files)");
        assertThat(snapshot(out)).isEmpty();
    }

    @Test
    void aLanguageNamedTwiceIsBuiltOnce(@TempDir Path out) {
        BuildResult result = builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("ru", "en", "ru"))
                .withFormats(Set.of(Format.HTML)).withStories(List.of(Fixtures.fixture("stories/minimal"))));
        assertThat(result.files()).extracting(ManifestEntry::path).containsExactly("ru/minimal-summit-2026.html", "en/minimal-summit-2026.html");
    }

    @Test
    void theManifestDescribesEachFileByAnIndependentDigest(@TempDir Path out) throws Exception {
        BuildResult result = builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("en", "az"))
                .withFormats(Set.of(Format.HTML)).withStories(List.of(Fixtures.fixture("stories/minimal"))));
        assertThat(result.output()).isEqualTo(out.toAbsolutePath().normalize());
        String text = Files.readString(out.resolve(Builder.MANIFEST));
        assertThat(text).startsWith("{\n  \"generator\" : \"newsbrief\",\n  \"files\" : [ {").endsWith("} ]\n}\n");
        JsonNode manifest = new ObjectMapper().readTree(text);
        assertThat(manifest.path("generator").asText()).isEqualTo("newsbrief");
        assertThat(manifest.path("files")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode file = manifest.path("files").get(i);
            ManifestEntry entry = result.manifest().get(i);
            byte[] bytes = Files.readAllBytes(out.resolve(file.path("path").asText()));
            String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(file.path("sha256").asText()).isEqualTo(digest).isEqualTo(entry.sha256());
            assertThat(file.path("size").asLong()).isEqualTo(bytes.length).isEqualTo(entry.size());
            assertThat(file.path("story").asText()).isEqualTo("minimal-summit-2026");
            assertThat(file.path("format").asText()).isEqualTo("html");
        }
        assertThat(manifest.path("files")).extracting(file -> file.path("locale").asText() + " " + file.path("path").asText())
                .containsExactly("az az/minimal-summit-2026.html", "en en/minimal-summit-2026.html");
        assertThat(result.files()).extracting(ManifestEntry::locale).containsExactly("en", "az");
        assertThat(stagingLeftovers(out)).isEmpty();
    }

    @Test
    void sha256IsTheLowerCaseHexDigest() {
        assertThat(Builder.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void anOutputPathThatIsAFileIsAnIoError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("output"), "not a folder");
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(file).withFormats(Set.of(Format.HTML))))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot create the output directory " + file.toAbsolutePath() + ": it exists and is not a directory");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    /** A name the build publishes that newsbrief did not write is an I/O error before anything changes; no staging is left behind. */
    @Test
    void somethingInTheWayIsAnIoErrorAndLeavesNoStaging(@TempDir Path out) throws IOException {
        Path blocker = Files.createDirectories(out.resolve("en"));
        Files.writeString(blocker.resolve("keep.txt"), "in the way");
        assertThatThrownBy(() -> builder.build(BuildOptions.defaults().withOutput(out).withLanguages(List.of("en"))
                .withFormats(Set.of(Format.HTML)).withStories(List.of(Fixtures.fixture("stories/minimal")))))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot write the output: " + out.resolve("en") + " is in the way: newsbrief did not publish it; "
                        + "move it out of the output directory");
        assertThat(snapshot(out)).containsOnlyKeys(Path.of("en/keep.txt"));
        assertThat(out.resolve(Builder.MANIFEST)).doesNotExist();
        assertThat(stagingLeftovers(out)).isEmpty();
    }

    /** Only PDFs need the fonts: an HTML build does not even read pdf/fonts.yaml. */
    @Test
    void everyFormatReadsTheFontList(@TempDir Path out, @TempDir Path templates) throws IOException {
        // The HTML pages inline the same fonts as the PDFs, so a broken list stops every format, before anything is written.
        Files.createDirectories(templates.resolve("pdf"));
        Path fonts = Files.writeString(templates.resolve("pdf/fonts.yaml"), "fonts: []\nlocales: {}\n");
        BuildOptions options = BuildOptions.defaults().withOutput(out).withTemplates(templates).withLanguages(List.of("en"))
                .withStories(List.of(Fixtures.fixture("stories/minimal")));
        String problem = fonts.toAbsolutePath().normalize() + ": locales.default: missing; say which families languages use by default";
        for (Format format : Format.values()) {
            assertThatThrownBy(() -> builder.build(options.withFormats(Set.of(format)))).isInstanceOf(InvalidInputException.class).hasMessage(problem);
        }
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void theEmbeddedDefaultBundleBringsItsWordingForEachLanguageThatHasSome() {
        var source = Builder.embeddedDefaultSource(new dev.newsbrief.model.StoryLoader(), List.of("ru", "de", "en"));
        assertThat(source.file()).isEqualTo("(embedded) stories/armenia-azerbaijan-peace-2025/story.yaml");
        assertThat(source.story().id()).isEqualTo(Fixtures.DEFAULT_ID);
        assertThat(source.wording().keySet()).containsExactlyInAnyOrder("en", "ru");
        assertThat(source.wording().get("ru").displayName()).isEqualTo("(embedded) stories/armenia-azerbaijan-peace-2025/ru.yaml");
        assertThat(source.wording().get("ru").content()).contains("messages:");
        assertThat(Builder.embeddedDefaultStory()).contains("id: " + Fixtures.DEFAULT_ID);
    }

    /** What a reader of the output sees: links followed, newsbrief's own state left out. */
    static Map<Path, String> snapshot(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile).filter(file -> !dir.relativize(file).startsWith(OutputDirectory.STATE))
                    .collect(Collectors.toMap(dir::relativize, file -> {
                try {
                    return Builder.sha256(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    /** Staging directories, and releases that are neither live nor the one before. */
    static List<Path> stagingLeftovers(Path dir) throws IOException {
        Path state = dir.resolve(OutputDirectory.STATE);
        if (!Files.isDirectory(state)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(state)) {
            return files.filter(path -> path.getFileName().toString().startsWith("staging-")
                    || path.getFileName().toString().startsWith("legacy-")).toList();
        }
    }
}
