package dev.newsbrief.render;

import static dev.newsbrief.testing.Outcomes.assertManifestMatches;
import static dev.newsbrief.testing.Outcomes.assertNoStagingLeft;
import static dev.newsbrief.testing.Outcomes.successOrBadInput;
import static dev.newsbrief.testing.Outcomes.visibleFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.Builder;
import dev.newsbrief.build.Format;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.testing.CiTries;
import dev.newsbrief.testing.MessageGen;
import dev.newsbrief.testing.Outcomes;
import dev.newsbrief.testing.StoryGen;
import dev.newsbrief.testing.StoryGen.StoryCase;
import dev.newsbrief.testing.YamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated story bundles (story.yaml with its en.yaml wording) and overrides of shared
 * messages built by {@link Builder} into one output directory, try after try, as an operator
 * would: each build succeeds or fails as bad input, never with another exception or a hang;
 * a failed build leaves the output exactly as it was; after every build the manifest matches
 * the files and no staging is left. HTML gets 30% of the default tries, PDF 5% ({@link CiTries}).
 */
@AddLifecycleHook(CiTries.class)
class RenderProperties {
    /** Generous: the default render limit is 60 s per file, and a PDF build takes ~1–2 s. */
    private static final Duration HTML_BOUND = Duration.ofSeconds(60);
    private static final Duration PDF_BOUND = Duration.ofSeconds(120);
    /** Shared frames a --translations override may reword, with the arguments they are given. */
    private static final Map<String, List<String>> FRAMES = Map.of(
            "headline.summit", List.of("parties", "city"), "event.summit", List.of("parties", "date"),
            "brief.dateline", List.of("city", "date"), "label.sources", List.of("count"), "meta.documentTitle", List.of("headline"),
            "date.day", List.of("date", "year"), "section.keyFacts", List.of(), "fact.parties", List.of("parties_count"),
            "standfirst.signing", List.of("signatories_titled", "document_indef"));

    private static final Builder BUILDER = new Builder();
    private static Path root;
    private static int counter;

    @BeforeContainer
    static void createRoot() throws IOException {
        root = Files.createTempDirectory("newsbrief-render-properties-");
    }

    @AfterContainer
    static void deleteRoot() {
        Outcomes.deleteTree(root);
    }

    @Property
    @CiTries.Share(percent = 30)
    void htmlBuildsSucceedOrFailCleanly(@ForAll("bundles") StoryCase story, @ForAll("frameOverrides") Optional<Map<String, Object>> frames) throws IOException {
        check(story, frames, Format.HTML, HTML_BOUND);
    }

    @Property
    @CiTries.Share(percent = 5)
    void pdfBuildsSucceedOrFailCleanly(@ForAll("bundles") StoryCase story) throws IOException {
        check(story, Optional.empty(), Format.PDF, PDF_BOUND);
    }

    private static void check(StoryCase story, Optional<Map<String, Object>> frames, Format format, Duration bound) throws IOException {
        Path output = output(format);
        Path inputs = Files.createDirectories(root.resolve("in" + counter++));
        try {
            Path bundle = Files.createDirectories(inputs.resolve("story"));
            Files.writeString(bundle.resolve("story.yaml"), story.storyYaml(), StandardCharsets.UTF_8);
            Files.writeString(bundle.resolve("en.yaml"), story.wordingYaml(), StandardCharsets.UTF_8);
            Path translations = null;
            if (frames.isPresent()) {
                translations = Files.createDirectories(inputs.resolve("translations/en"));
                Files.writeString(translations.resolve("messages.yaml"), YamlWriter.write(frames.get()), StandardCharsets.UTF_8);
                translations = translations.getParent();
            }
            BuildOptions options = BuildOptions.defaults().withStories(List.of(bundle)).withLanguages(List.of("en"))
                    .withFormats(Set.of(format)).withOutput(output).withTranslations(translations);
            Map<String, String> before = visibleFiles(output);
            InvalidInputException error = successOrBadInput(bound, () -> BUILDER.build(options));
            Statistics.label("outcome").collect(error == null ? "built" : "bad input");
            if (error != null) {
                assertThat(visibleFiles(output)).as("the output after a failed build (%s)", error.getMessage()).isEqualTo(before);
            } else {
                assertThat(visibleFiles(output)).as("the output after a successful build").isNotEqualTo(Map.of());
            }
            assertManifestMatches(output);
            assertNoStagingLeft(output);
        } finally {
            Outcomes.deleteTree(inputs);
        }
    }

    /** One output directory per format, holding a good build of the minimal story before the first try. */
    private static Path output(Format format) {
        Path output = root.resolve("out-" + format.id());
        if (!Files.exists(output)) {
            BUILDER.build(BuildOptions.defaults().withStories(List.of(Fixtures.fixture("stories/minimal")))
                    .withLanguages(List.of("en")).withFormats(Set.of(format)).withOutput(output));
        }
        return output;
    }

    /** Mostly well-formed bundles, so that many reach the renderer; some mutated or damaged. */
    @Provide
    Arbitrary<StoryCase> bundles() {
        return Arbitraries.frequencyOf(Tuple.of(4, StoryGen.renderable()), Tuple.of(1, StoryGen.wellFormed()), Tuple.of(1, StoryGen.anyStory()));
    }

    /** Half the time, a --translations override rewording some shared frames (valid or broken patterns). */
    @Provide
    Arbitrary<Optional<Map<String, Object>>> frameOverrides() {
        Arbitrary<Tuple.Tuple2<String, String>> frame = Arbitraries.of(FRAMES.keySet().stream().sorted().toList())
                .flatMap(key -> MessageGen.patterns().map(pattern -> Tuple.of(key, MessageGen.bind(pattern, FRAMES.get(key)))));
        return frame.list().ofMinSize(1).ofMaxSize(3).map(list -> {
            Map<String, Object> messages = new LinkedHashMap<>();
            list.forEach(pair -> messages.put(pair.get1(), pair.get2()));
            return messages;
        }).optional(0.5);
    }
}
