package dev.newsbrief.check;

/**
 * One family of checks (stories, translations, templates, fonts). A check reports every
 * problem it finds to {@code problems} rather than stopping at the first; where a loader can
 * only throw, an {@link dev.newsbrief.model.InvalidInputException} escaping {@link #run} is
 * reported as one problem by the {@link Checker}, and the other checks still run.
 */
public interface Check {
    void run(Project project, Problems problems);
}
