package dev.newsbrief.model;

import static dev.newsbrief.testing.Outcomes.successOrBadInput;

import dev.newsbrief.testing.CiTries;
import dev.newsbrief.testing.StoryGen;
import dev.newsbrief.testing.StoryGen.StoryCase;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated stories fed to {@link StoryLoader}: each loads or is rejected as bad input with a
 * one-line message — never another exception, never a hang. Seed and tries: {@link CiTries}.
 */
@AddLifecycleHook(CiTries.class)
class StoryLoaderProperties {
    private static final StoryLoader LOADER = new StoryLoader();
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** Mutated and damaged stories: a dropped field, a wrong type, deep nesting, aliases, a file cut short... */
    @Property
    void anyStoryLoadsOrIsBadInput(@ForAll("anyStory") StoryCase story) {
        InvalidInputException error = successOrBadInput(BOUND, () -> LOADER.load(StoryYamlName.FILE, story.storyYaml()));
        Statistics.label("outcome").collect(error == null ? "loaded" : "bad input");
    }

    /**
     * Stories shaped like the model, with odd values inside (text with controls and bidi,
     * astral characters, huge numbers, odd dates): the generator must reach the loader's
     * success path, or the properties above would only test rejections.
     */
    @Property
    void wellFormedStoriesLoadOrAreBadInput(@ForAll("wellFormed") StoryCase story) {
        InvalidInputException error = successOrBadInput(BOUND, () -> LOADER.load(StoryYamlName.FILE, story.storyYaml()));
        Statistics.label("outcome").collect(error == null ? "loaded" : "bad input");
        Statistics.label("outcome").coverage(checker -> checker.check("loaded").percentage(p -> p >= 5));
    }

    /**
     * {@code check} never throws on what {@code load} rejects or accepts, and agrees with it:
     * no problem when the story loads, else first the very problem {@code load} reports.
     */
    @Property
    void checkFindsWhatLoadFindsFirst(@ForAll("anyStory") StoryCase story) {
        InvalidInputException error = successOrBadInput(BOUND, () -> LOADER.load(StoryYamlName.FILE, story.storyYaml()));
        CheckedStory checked = LOADER.check(StoryYamlName.FILE, story.storyYaml());
        if (error == null) {
            org.assertj.core.api.Assertions.assertThat(checked.problems()).isEmpty();
        } else {
            org.assertj.core.api.Assertions.assertThat(checked.problems()).isNotEmpty();
            org.assertj.core.api.Assertions.assertThat(checked.problems().get(0).getMessage()).isEqualTo(error.getMessage());
        }
        Statistics.label("problems").collect(Math.min(checked.problems().size(), 3));
    }

    @Provide
    Arbitrary<StoryCase> anyStory() {
        return StoryGen.anyStory();
    }

    @Provide
    Arbitrary<StoryCase> wellFormed() {
        return StoryGen.wellFormed();
    }

    /** The file name errors report. */
    private static final class StoryYamlName {
        static final String FILE = "story.yaml";
    }
}
