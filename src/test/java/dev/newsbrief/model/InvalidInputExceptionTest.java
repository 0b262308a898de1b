package dev.newsbrief.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One line: file, line and column when known, the field when there is one, then the problem. */
class InvalidInputExceptionTest {
    @Test
    void everythingKnown() {
        InvalidInputException e = new InvalidInputException("story.yaml", 21, 11, "event.hosts[0]", "unknown entity 'trum'");
        assertThat(e).hasMessage("story.yaml:21:11: event.hosts[0]: unknown entity 'trum'");
        assertThat(e.file()).isEqualTo("story.yaml");
        assertThat(e.line()).isEqualTo(21);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.field()).isEqualTo("event.hosts[0]");
        assertThat(e.problem()).isEqualTo("unknown entity 'trum'");
    }

    @Test
    void theFirstLineAndColumnArePrinted() {
        assertThat(new InvalidInputException("a.yaml", 1, 1, "id", "bad")).hasMessage("a.yaml:1:1: id: bad");
    }

    @Test
    void anUnknownColumnIsLeftOut() {
        assertThat(new InvalidInputException("a.yaml", 3, 0, "id", "bad")).hasMessage("a.yaml:3: id: bad");
    }

    @Test
    void anUnknownLineLeavesOutTheColumnToo() {
        InvalidInputException e = new InvalidInputException("stories/x", 0, 0, "", "a story folder needs story.yaml");
        assertThat(e).hasMessage("stories/x: a story folder needs story.yaml");
        assertThat(e.line()).isZero();
        assertThat(new InvalidInputException("a.yaml", 0, 7, "id", "bad")).hasMessage("a.yaml: id: bad");
    }

    @Test
    void noFieldIsTheEmptyField() {
        InvalidInputException e = new InvalidInputException("a.yaml", 5, 9, null, "duplicate key 'timeZone'");
        assertThat(e).hasMessage("a.yaml:5:9: duplicate key 'timeZone'");
        assertThat(e.field()).isEmpty();
    }

    @Test
    void theFileIsRequired() {
        assertThatThrownBy(() -> new InvalidInputException(null, 1, 1, "id", "bad"))
                .isInstanceOf(NullPointerException.class);
    }

    /** One error is one line, and nothing in it can move the cursor, recolour or reorder the terminal. */
    @Test
    void controlCharactersAreEscapedInFileFieldAndProblem() {
        InvalidInputException e = new InvalidInputException("a\u001B[2J.yaml", 2, 3, "quotes.\u202Eevil",
                "'x\ny\rz\tw\u007F\u0085\u2028\u2029\u200E\u200F\u202A\u2066\u2069\u061C\u0000' is bad");
        assertThat(e).hasMessage("a\\u001B[2J.yaml:2:3: quotes.\\u202Eevil: 'x\\u000Ay\\u000Dz\\u0009w\\u007F\\u0085"
                + "\\u2028\\u2029\\u200E\\u200F\\u202A\\u2066\\u2069\\u061C\\u0000' is bad");
        assertThat(e.getMessage()).doesNotContainPattern("[\\p{Cc}\\u2028\\u2029\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
        assertThat(e.problem()).as("the raw problem stays available to code").contains("\n");
    }

    @Test
    void printableTextIsLeftAlone() {
        String text = "Հայաստան, Azərbaycan, Россия — «quoted» 日本 \uD83D\uDD4A \u00AD";
        assertThat(new InvalidInputException("a.yaml", 0, 0, "", text)).hasMessage("a.yaml: " + text);
    }
}
