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

    private static Map<Path, String> snapshot(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(dir::relativize, file -> {
                try {
                    return Builder.sha256(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    private static List<Path> stagingLeftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.getFileName().toString().startsWith(".staging")).toList();
        }
    }
}
