package dev.newsbrief.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.limit.Limits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pieces of the check package the fixtures go through without being able to tell them apart. */
class CheckCoreTest {
    static final class First implements Check {
        @Override
        public void run(Project project, Problems problems) {
            problems.error("a.yaml", 1, 1, "x", "first", "");
        }
    }

    static final class Second implements Check {
        @Override
        public void run(Project project, Problems problems) { }
    }

    /** The checker tells its caller (the CLI's --verbose timing) about every check it ran, in order. */
    @Test
    void everyCheckRunIsReportedToTheTimingConsumer() {
        List<String> ran = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        Report report = new Checker(List.of(new First(), new Second())).check(Project.embedded(), (name, took) -> {
            ran.add(name);
            nanos.add(took);
        });
        assertThat(ran).containsExactly("First", "Second");
        assertThat(nanos).allSatisfy(took -> assertThat(took).isNotNegative());
        assertThat(report.problems()).extracting(Problem::message).containsExactly("first");
    }

    /** The embedded project: no story named, the embedded templates and translations, the default limits. */
    @Test
    void theEmbeddedProjectNamesNoStory() {
        Project project = Project.embedded();
        assertThat(project).isEqualTo(new Project(List.of(), null, null, Limits.DEFAULT));
        assertThat(project.stories()).isEmpty();
    }

    /** A problem without a field or a hint prints without them, never "null". */
    @Test
    void aMissingFieldOrHintIsEmpty() {
        Problem problem = Problem.error("a.yaml", 2, 3, null, "wrong", null);
        assertThat(problem.field()).isEmpty();
        assertThat(problem.hint()).isEmpty();
        assertThat(problem.format()).doesNotContain("null");
    }

    /** Deleting every letter costs one edit each, from either side. */
    @Test
    void theDistanceToTheEmptyNameIsTheLength() {
        assertThat(Hints.distance("abc", "")).isEqualTo(3);
        assertThat(Hints.distance("", "abc")).isEqualTo(3);
        assertThat(Hints.distance("ab", "ba")).isEqualTo(1);
        assertThat(Hints.distance("kitten", "sitting")).isEqualTo(3);
    }
}
