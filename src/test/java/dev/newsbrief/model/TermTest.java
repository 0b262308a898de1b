package dev.newsbrief.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermTest {
    private static final LocalDate CEASEFIRE = LocalDate.of(2024, 11, 27);

    private static Term within(long value, Quantity.Unit unit) {
        return new Term("withdrawal", Map.of("army", EntityRef.of("israel")), new Quantity(BigDecimal.valueOf(value), unit), null);
    }

    private static Term by(String date) {
        return new Term("withdrawal", null, null, PartialDate.parse(date));
    }

    @ParameterizedTest(name = "{0} {1} after {2} is {3}")
    @CsvSource({
        "60, DAY,    2024-11-27, 2025-01-26",
        "2,  WEEK,   2024-11-27, 2024-12-11",
        "1,  MONTH,  2025-01-31, 2025-02-28",
        "18, MONTH,  2024-11-27, 2026-05-27",
        "1,  YEAR,   2024-02-29, 2025-02-28",
        "10, YEAR,   2025-07-24, 2035-07-24",
        "2,  DECADE, 2025-08-08, 2045-08-08",
        "0,  DAY,    2024-11-27, 2024-11-27"})
    void aDurationCountsFromTheEvent(long value, Quantity.Unit unit, LocalDate event, LocalDate due) {
        assertThat(within(value, unit).deadline(event)).contains(due);
    }

    @Test
    void aDayIsItsOwnDeadline() {
        assertThat(by("2026-01-15").deadline(CEASEFIRE)).contains(LocalDate.of(2026, 1, 15));
    }

    @Test
    void aMonthOrAYearIsNoDay() {
        assertThat(by("2026-01").deadline(CEASEFIRE)).isEmpty();
        assertThat(by("2026").deadline(CEASEFIRE)).isEmpty();
        assertThat(by("2026").hasDeadline()).isTrue();
    }

    @Test
    void aDurationWinsOverADate() {
        Term both = new Term("withdrawal", null, new Quantity(BigDecimal.valueOf(60), Quantity.Unit.DAY), PartialDate.parse("2025-03-01"));
        assertThat(both.deadline(CEASEFIRE)).contains(LocalDate.of(2025, 1, 26));
    }

    @Test
    void withoutDeadline() {
        Term term = new Term("withdrawal", null, null, null);
        assertThat(term.hasDeadline()).isFalse();
        assertThat(term.deadline(CEASEFIRE)).isEmpty();
        assertThat(within(60, Quantity.Unit.DAY).hasDeadline()).isTrue();
    }

    @Test
    void unitsThatAreNoCalendarDurationAreRefused() {
        assertThatThrownBy(() -> within(48, Quantity.Unit.HOUR).deadline(CEASEFIRE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a deadline is a number of days, weeks, months, years or decades, not hour");
    }

    @Test
    void theProvisionIsAClaim() {
        Claim claim = within(60, Quantity.Unit.DAY).asClaim();
        assertThat(claim.claim()).isEqualTo("withdrawal");
        assertThat(claim.messageKey()).isEqualTo("claim.withdrawal");
        assertThat(claim.args()).containsExactly(Map.entry("army", EntityRef.of("israel")));
        assertThat(by("2026").asClaim().args()).isEmpty();
    }
}
