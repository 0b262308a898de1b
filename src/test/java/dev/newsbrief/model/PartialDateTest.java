package dev.newsbrief.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartialDateTest {
    @Test
    void theFirstAndLastDaysOfAMonthAreDates() {
        assertThat(PartialDate.parse("2025-08-01").start()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(PartialDate.parse("2024-02-29").start()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(PartialDate.parse("2025-12-31").start()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void daysOutsideTheMonthAreNot() {
        assertThatThrownBy(() -> PartialDate.parse("2025-02-29")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a calendar date: 2025-02 has no day 29");
        assertThatThrownBy(() -> new PartialDate(2025, 8, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a calendar date: 2025-08 has no day -1");
    }

    @Test
    void aDayNeedsAMonth() {
        assertThatThrownBy(() -> new PartialDate(2025, 0, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a date with a day needs a month");
        assertThat(new PartialDate(2025, 0, 0).precision()).isEqualTo(PartialDate.Precision.YEAR);
    }

    @Test
    void monthsAreOneToTwelve() {
        assertThat(PartialDate.parse("2025-01").start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(PartialDate.parse("2025-12").start()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThatThrownBy(() -> PartialDate.parse("2025-13")).hasMessage("not a calendar date: there is no month 13; months are 01 to 12");
        assertThatThrownBy(() -> new PartialDate(2025, -1, 0)).hasMessage("not a calendar date: there is no month -1; months are 01 to 12");
    }

    @Test
    void aLocalDateIsADayPreciseDate() {
        PartialDate date = PartialDate.of(LocalDate.of(2025, 8, 8));
        assertThat(date).isEqualTo(PartialDate.parse("2025-08-08"));
        assertThat(date.precision()).isEqualTo(PartialDate.Precision.DAY);
    }

    @Test
    void surroundingBlanksAreIgnored() {
        assertThat(PartialDate.parse(" 2025-01 ")).isEqualTo(new PartialDate(2025, 1, 0));
    }
}
