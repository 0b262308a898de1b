package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to a year, a month or a day: {@code 2020}, {@code 2025-01}, {@code 2025-08-08}.
 * News often knows only the month of an event; each precision is worded differently per
 * language ("in January 2025", "в январе 2025 г.").
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {
    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** How much of the date is known. */
    public enum Precision { YEAR, MONTH, DAY }

    public PartialDate {
        if (month == 0 && day != 0) {
            throw new IllegalArgumentException("a date with a day needs a month");
        }
        if (month < 0 || month > 12) {
            throw new IllegalArgumentException("not a calendar date: there is no month " + month + "; months are 01 to 12");
        }
        if (day != 0 && (day < 1 || day > YearMonth.of(year, month).lengthOfMonth())) {
            throw new IllegalArgumentException("not a calendar date: " + YearMonth.of(year, month) + " has no day " + day);
        }
    }

    /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}. */
    @JsonCreator
    public static PartialDate parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if ("00".equals(m.group(2)) || "00".equals(m.group(3))) {
            throw new IllegalArgumentException("not a calendar date: '" + text.strip() + "' has a month or day 00; leave out what is not known (2025-08)");
        }
        return new PartialDate(Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    @JsonCreator
    public static PartialDate ofYear(int year) {
        return new PartialDate(year, 0, 0);
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public Precision precision() {
        return day != 0 ? Precision.DAY : month != 0 ? Precision.MONTH : Precision.YEAR;
    }

    /** The first day the date can mean (for formatting and sorting). */
    public LocalDate start() {
        return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (precision()) {
            case YEAR -> String.format(java.util.Locale.ROOT, "%04d", year);
            case MONTH -> String.format(java.util.Locale.ROOT, "%04d-%02d", year, month);
            case DAY -> String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        };
    }

    @Override
    public int compareTo(PartialDate other) {
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : precision().compareTo(other.precision());
    }
}
