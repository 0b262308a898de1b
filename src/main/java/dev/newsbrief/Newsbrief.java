package dev.newsbrief;

import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.BuildResult;
import dev.newsbrief.build.Builder;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import java.nio.file.Path;

/**
 * The entry point for using newsbrief as a library. Each method hands off to the
 * package that does the work.
 *
 * <pre>{@code
 * BuildResult result = Newsbrief.build(BuildOptions.defaults().withOutput(Path.of("out")));
 * Story story = Newsbrief.loadStory(Path.of("story.yaml"));
 * }</pre>
 */
public final class Newsbrief {
    private Newsbrief() { }

    /** Builds briefs as {@code options} say; throws {@link dev.newsbrief.model.InvalidInputException} on bad input. */
    public static BuildResult build(BuildOptions options) {
        return new Builder().build(options);
    }

    /** Loads and validates one story file. */
    public static Story loadStory(Path file) {
        return new StoryLoader().load(file);
    }
}
