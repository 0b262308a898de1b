package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/**
 * A provision of an agreement: a claim, optionally with a deadline, either a duration from
 * the event ({@code within: {value: 30, unit: day}}) or a date ({@code by: 2026-01}).
 */
public record Term(@JsonProperty(required = true) String claim,
                   @JsonDeserialize(using = ClaimArgsDeserializer.class) Map<String, Object> args,
                   Quantity within,
                   PartialDate by) {

    /** The provision itself. */
    public Claim asClaim() {
        return new Claim(claim, args);
    }

    public boolean hasDeadline() {
        return within != null || by != null;
    }

    /**
     * The last day to meet this provision, for an event on {@code eventDate}: the event's
     * date plus {@code within}, or {@code by} when it is a day; empty when there is no
     * deadline or it is known only to the month or year.
     */
    public java.util.Optional<java.time.LocalDate> deadline(java.time.LocalDate eventDate) {
        if (within != null) {
            long amount = within.value().longValueExact();
            return java.util.Optional.of(switch (within.unit()) {
                case DAY -> eventDate.plusDays(amount);
                case WEEK -> eventDate.plusWeeks(amount);
                case MONTH -> eventDate.plusMonths(amount);
                case YEAR -> eventDate.plusYears(amount);
                case DECADE -> eventDate.plusYears(10 * amount);
                default -> throw new IllegalArgumentException("a deadline is a number of days, weeks, months, years or decades, not " + within.unit().cldrId());
            });
        }
        if (by != null && by.precision() == PartialDate.Precision.DAY) {
            return java.util.Optional.of(by.start());
        }
        return java.util.Optional.empty();
    }
}
