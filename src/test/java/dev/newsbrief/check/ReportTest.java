package dev.newsbrief.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.model.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final Problem LATE = Problem.error("story.yaml", 21, 11, "event.hosts[0]", "unknown entity 'trum'", "did you mean 'trump'?");
    private static final Problem EARLY = Problem.warning("story.yaml", 3, 1, "kind", "no template for this kind", "");
    private static final Problem OTHER_FILE = Problem.error("hy.yaml", 40, 5, "claim.x", "missing", "");

    @Test
    void aProblemPrintsLikeACompilerMessage() {
        assertThat(LATE.format()).isEqualTo("story.yaml:21:11: error: event.hosts[0]: unknown entity 'trum' (did you mean 'trump'?)");
        assertThat(EARLY.format()).isEqualTo("story.yaml:3:1: warning: kind: no template for this kind");
        assertThat(Problem.error("--lang", 0, 0, "", "no translations for 'xx'", "").format()).isEqualTo("--lang: error: no translations for 'xx'");
        assertThat(Problem.error("a.yaml", 4, 0, "", "bad", "").format()).isEqualTo("a.yaml:4: error: bad");
    }

    @Test
    void controlCharactersCannotSplitTheLine() {
        assertThat(Problem.error("a\nb.yaml", 1, 1, "f\u001B[31m", "x\ry", "h\u202Ei").format())
                .isEqualTo("a\\u000Ab.yaml:1:1: error: f\\u001B[31m: x\\u000Dy (h\\u202Ei)");
    }

    @Test
    void problemsAreSortedFileByFileTopToBottomAndRepeatsDropped() {
        Report report = new Report(List.of(LATE, OTHER_FILE, EARLY, LATE));
        assertThat(report.problems()).containsExactly(OTHER_FILE, EARLY, LATE);
        assertThat(report.text()).isEqualTo(OTHER_FILE.format() + "\n" + EARLY.format() + "\n" + LATE.format() + "\n2 errors, 1 warning\n");
    }

    @Test
    void theSummaryCountsErrorsAndWarnings() {
        assertThat(new Report(List.of()).text()).isEqualTo("no problems found\n");
        assertThat(new Report(List.of(EARLY)).hasErrors()).isFalse();
        assertThat(new Report(List.of(EARLY)).summary()).isEqualTo("0 errors, 1 warning");
        assertThat(new Report(List.of(LATE)).hasErrors()).isTrue();
        assertThat(new Report(List.of(LATE, OTHER_FILE)).summary()).isEqualTo("2 errors, 0 warnings");
    }

    @Test
    void jsonCarriesEveryFieldOfEveryProblem() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new Report(List.of(LATE, EARLY)).json());
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("warnings").asInt()).isEqualTo(1);
        JsonNode first = json.get("problems").get(0);
        assertThat(first.get("severity").asText()).isEqualTo("warning");
        JsonNode second = json.get("problems").get(1);
        assertThat(second.get("severity").asText()).isEqualTo("error");
        assertThat(second.get("file").asText()).isEqualTo("story.yaml");
        assertThat(second.get("line").asInt()).isEqualTo(21);
        assertThat(second.get("column").asInt()).isEqualTo(11);
        assertThat(second.get("field").asText()).isEqualTo("event.hosts[0]");
        assertThat(second.get("message").asText()).isEqualTo("unknown entity 'trum'");
        assertThat(second.get("hint").asText()).isEqualTo("did you mean 'trump'?");
    }

    @Test
    void theCheckerRunsEveryCheckEvenAfterOneThrows() {
        Check throwing = (project, problems) -> {
            problems.warning("a.yaml", 1, 1, "", "first", "");
            throw new InvalidInputException("a.yaml", 2, 3, "x", "cannot go on");
        };
        Check next = (project, problems) -> problems.add(OTHER_FILE);
        Report report = new Checker(List.of(throwing, next)).check(Project.embedded());
        assertThat(report.problems()).extracting(Problem::format).containsExactly(
                "a.yaml:1:1: warning: first", "a.yaml:2:3: error: x: cannot go on", OTHER_FILE.format());
    }
}
