package dev.newsbrief.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsTest {
    @ParameterizedTest
    @CsvSource({
        "input-bytes, 2M, 2097152",
        "input-bytes, 512k, 524288",
        "output-bytes, 1G, 1073741824",
        "output-bytes, 1000, 1000",
        "yaml-aliases, 7, 7",
        "yaml-depth, 9, 9",
        "render-seconds, 5, 5",
        "pdf-pages, 12, 12",
    })
    void setsOneLimitByNameAndKeepsTheOthers(String name, String value, long expected) {
        Limits changed = Limits.DEFAULT.with(name, value);
        assertThat(changed.byName()).containsEntry(name, expected);
        Limits.DEFAULT.byName().forEach((other, defaultValue) -> {
            if (!other.equals(name)) {
                assertThat(changed.byName()).containsEntry(other, defaultValue);
            }
        });
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> Limits.DEFAULT.with("pages", "3"))
                .hasMessage("unknown limit 'pages'; known limits: input-bytes, yaml-aliases, yaml-depth, render-seconds, output-bytes, pdf-pages");
    }

    @ParameterizedTest
    @CsvSource({"pdf-pages, 0", "pdf-pages, -3", "pdf-pages, many", "render-seconds, 5M", "input-bytes, ''", "input-bytes, 99999999999G"})
    void refusesWhatIsNotAPositiveNumber(String name, String value) {
        assertThatThrownBy(() -> Limits.DEFAULT.with(name, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the limit " + name + " needs a positive number");
    }

    @Test
    void countLimitsStayWithinAnInt() {
        assertThatThrownBy(() -> Limits.DEFAULT.with("pdf-pages", "3000000000"))
                .hasMessage("the limit pdf-pages is at most 2147483647");
    }

    @Test
    void theExceptionNamesTheOptionThatRaisesTheLimit() {
        var e = new LimitExceededException("story.yaml", "input-bytes", "the file has 9 bytes, more than the limit of 8");
        assertThat(e.getMessage()).isEqualTo("story.yaml: the file has 9 bytes, more than the limit of 8; "
                + "if the input is trusted, raise the limit with --limit input-bytes=<value>");
        assertThat(e.limit()).isEqualTo("input-bytes");
    }

    /** The record itself refuses a limit of zero or less, whichever one it is. */
    @ParameterizedTest
    @CsvSource({"0, input-bytes", "1, yaml-aliases", "2, yaml-depth", "3, render-seconds", "4, output-bytes", "5, pdf-pages"})
    void everyLimitMustBePositive(int which, String name) {
        long[] values = {10, 10, 10, 10, 10, 10};
        values[which] = 0;
        assertThatThrownBy(() -> new Limits(values[0], (int) values[1], (int) values[2], (int) values[3], values[4], (int) values[5]))
                .hasMessage("the limit " + name + " must be a positive number, not 0");
        values[which] = 1;
        assertThat(new Limits(values[0], (int) values[1], (int) values[2], (int) values[3], values[4], (int) values[5])
                .byName()).containsEntry(name, 1L);
    }

    @Test
    void unitsAreOnlyForByteLimitsAndTheLargestValuesStillFit() {
        assertThatThrownBy(() -> Limits.DEFAULT.with("pdf-pages", "3K"))
                .hasMessage("the limit pdf-pages needs a positive number, not '3K'");
        assertThatThrownBy(() -> Limits.DEFAULT.with("input-bytes", "K"))
                .hasMessage("the limit input-bytes needs a positive number (K, M or G may follow), not 'K'");
        assertThat(Limits.DEFAULT.with("output-bytes", String.valueOf(Long.MAX_VALUE)).outputBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(Limits.DEFAULT.with("output-bytes", (Long.MAX_VALUE / 1024) + "K").outputBytes()).isEqualTo(Long.MAX_VALUE / 1024 * 1024);
        assertThat(Limits.DEFAULT.with("output-bytes", " 7 ").outputBytes()).isEqualTo(7);
        assertThat(Limits.DEFAULT.with("pdf-pages", String.valueOf(Integer.MAX_VALUE)).pdfPages()).isEqualTo(Integer.MAX_VALUE);
    }
}
