package dev.newsbrief.check;

import dev.newsbrief.model.InvalidInputException;
import java.util.List;

/**
 * Runs every check over a project and reports every problem, not the first: stories and
 * bundles, translations, templates and fonts. Each check runs even when another found
 * problems; an error a loader throws counts as one problem of its check.
 */
public final class Checker {
    private final List<Check> checks;

    public Checker(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The checks {@code newsbrief check} runs. */
    public static Checker standard() {
        return new Checker(List.of(new StoryCheck(), new TranslationCheck(), new TemplateCheck(), new FontCheck()));
    }

    public Report check(Project project) {
        return check(project, (check, nanos) -> { });
    }

    /** Like {@link #check(Project)}, telling {@code timing} each check's name and how long it took (for --verbose). */
    public Report check(Project project, java.util.function.ObjLongConsumer<String> timing) {
        Problems problems = new Problems();
        for (Check check : checks) {
            long start = System.nanoTime();
            try {
                check.run(project, problems);
            } catch (InvalidInputException e) {
                problems.add(e);
            }
            timing.accept(check.getClass().getSimpleName(), System.nanoTime() - start);
        }
        return new Report(problems.list());
    }
}
