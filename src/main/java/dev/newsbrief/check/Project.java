package dev.newsbrief.check;

import dev.newsbrief.limit.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code newsbrief check} looks at: the stories (bundle folders or story files; none means
 * the embedded default story), and the templates and translations directories merged over the
 * embedded ones, as {@code build} would use them.
 *
 * @param stories      story bundles or files, as the user named them; empty for the embedded default story
 * @param templates    the {@code --templates} directory, or {@code null}
 * @param translations the {@code --translations} directory, or {@code null}
 * @param limits       the limits every read is held to
 */
public record Project(List<Path> stories, Path templates, Path translations, Limits limits) {
    public Project {
        stories = List.copyOf(Objects.requireNonNull(stories, "The parameter 'stories' must not be null"));
        Objects.requireNonNull(limits, "The parameter 'limits' must not be null");
    }

    /** The embedded story, templates and translations. */
    public static Project embedded() {
        return new Project(List.of(), null, null, Limits.DEFAULT);
    }

    public dev.newsbrief.resource.ResourceSet templateSet() {
        return new dev.newsbrief.resource.ResourceSet("templates", templates, limits);
    }

    public dev.newsbrief.resource.ResourceSet translationSet() {
        return new dev.newsbrief.resource.ResourceSet("translations", translations, limits);
    }
}
