package dev.newsbrief.render;

import dev.newsbrief.model.PartialDate;
import dev.newsbrief.model.TimelineEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A timeline drawn to scale: one horizontal axis from the earliest to the latest event, a
 * marker for each event at its place in time, year ticks, and numbered badges that key the
 * markers to the dated list printed under the graphic (the list carries the words; the
 * graphic only numbers and years, so text extraction and screen readers get each fact once).
 * Pure arithmetic on dates; positions are percentages of the axis, in [0, 100].
 *
 * <p>Where a partial date sits: at its <em>start</em> (1 January for a year, the 1st for a
 * month), so markers stand in the order of the dated list ({@code Story.chronology()}, which
 * sorts by start) even where one event's period holds another's ("2020" and "2020-03-05"); a
 * middle would put such a pair on the axis in the other order than their numbers. An event known
 * only to the year or the month covers that whole period (from {@link Marker#position()} to
 * {@link Marker#spanEnd()}), drawn as a band running right from its marker, so "2020" reads as
 * "sometime in 2020" and its marker meets the tick of 2020. The axis spans from the start of
 * the first event to the end of the last event's period, and at least {@link #MINIMUM_DAYS}
 * (widened evenly about its middle), so that events a few days apart, or a single event, are
 * not spread over the whole width.
 *
 * <p>Labels never overlap, whatever the dates: badges closer than their widths allow merge
 * into one badge naming the range ("2–3"), and year labels are thinned to a round step
 * (1, 2, 5, 10, 20, 50… years) and dropped where they would touch the previous one.
 * The widths are reserved as percentages of the axis, sized for its narrowest use (a 375 px
 * phone, about 340 px of axis).
 *
 * @param markers one per event, oldest first, numbered from 1 as the list under the graphic
 * @param badges  the numbered badges above the axis, left to right, each over one or more markers
 * @param ticks   year ticks on the axis, left to right; the first is the axis's left end
 */
public record TimelineGraphic(List<Marker> markers, List<Badge> badges, List<Tick> ticks) {
    /** The shortest axis, in days: two years. */
    public static final double MINIMUM_DAYS = 2 * 365.25;
    /** Width reserved for a badge with one number ("7", "10"), in % of the axis. */
    public static final double BADGE_WIDTH = 7;
    /** Width reserved for a badge naming a range ("2–3", "9–10"), in % of the axis. */
    public static final double RANGE_BADGE_WIDTH = 12;
    /** Width reserved for a year label (four digits and a gap), in % of the axis. */
    public static final double YEAR_WIDTH = 11;
    /** The most year labels one axis carries. */
    public static final int MAX_YEAR_LABELS = 6;
    /** How far a label may run past the axis ends into the graphic's side padding, in %. */
    private static final double OVERHANG = 2;
    /** Below this many years, every year gets a small tick even when only some are labelled. */
    private static final int MINOR_TICK_YEARS = 60;
    private static final int[] STEPS = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000};

    public TimelineGraphic {
        markers = List.copyOf(markers);
        badges = List.copyOf(badges);
        ticks = List.copyOf(ticks);
    }

    /**
     * An event on the axis.
     *
     * @param number    its number in the list under the graphic, from 1
     * @param date      its date as the story gives it
     * @param label     that date worded for the language (e.g. {@code 8 August 2025})
     * @param position  where its marker sits, in % of the axis: the start of its date
     * @param spanEnd   where the period its date names ends, in % (the day after, for a day)
     */
    public record Marker(int number, PartialDate date, String label, double position, double spanEnd) {
        /** The CSS {@code left} of the marker, e.g. {@code 8.84%}. */
        public String left() {
            return percent(position);
        }

        /** The CSS {@code width} of the period's band. */
        public String spanWidth() {
            return percent(spanEnd - position);
        }

        /** Whether the date is a year or a month, so the marker stands for a period shown as a band. */
        public boolean period() {
            return date.precision() != PartialDate.Precision.DAY;
        }
    }

    /**
     * A numbered badge above the axis.
     *
     * @param first    the number of its first marker
     * @param last     the number of its last marker (equal to first for a single one)
     * @param position its centre, in % of the axis: between its first and last markers
     * @param from     where its first marker sits, in %
     * @param to       where its last marker sits, in %
     */
    public record Badge(int first, int last, double position, double from, double to) {
        /** "3", or "2–3" for markers too close to badge apart. */
        public String text() {
            return first == last ? Integer.toString(first) : first + "\u2013" + last;
        }

        public boolean range() {
            return first != last;
        }

        /** Width reserved for it, in % of the axis. */
        public double width() {
            return range() ? RANGE_BADGE_WIDTH : BADGE_WIDTH;
        }

        /** The CSS {@code left} of its centre. */
        public String left() {
            return percent(position);
        }

        /** The CSS {@code left} of the bracket over its markers. */
        public String bracketLeft() {
            return percent(from);
        }

        /** The CSS {@code width} of the bracket over its markers. */
        public String bracketWidth() {
            return percent(to - from);
        }
    }

    /**
     * A year tick on the axis, at 1 January of the year (the axis's left end excepted).
     *
     * @param year     the year it marks; its label is these digits (every language of the project writes years in Western digits)
     * @param position where it sits, in % of the axis
     * @param major    a taller tick, at a round step of years or the axis's left end
     * @param label    whether its year is printed
     * @param endAligned whether the label ends at the tick (near the right end) instead of starting there
     */
    public record Tick(int year, double position, boolean major, boolean label, boolean endAligned) {
        public String left() {
            return percent(position);
        }

        public String text() {
            return Integer.toString(year);
        }
    }

    /** The timeline of these entries, each date worded by {@code dateLabel}. */
    public static TimelineGraphic of(List<TimelineEntry> chronology, Function<PartialDate, String> dateLabel) {
        return ofDates(chronology.stream().map(TimelineEntry::date).toList(), dateLabel);
    }

    /** The timeline of these dates (sorted here, oldest first), each worded by {@code dateLabel}. */
    public static TimelineGraphic ofDates(List<PartialDate> dates, Function<PartialDate, String> dateLabel) {
        Objects.requireNonNull(dates, "The parameter 'dates' must not be null");
        Objects.requireNonNull(dateLabel, "The parameter 'dateLabel' must not be null");
        if (dates.isEmpty()) {
            return new TimelineGraphic(List.of(), List.of(), List.of());
        }
        List<PartialDate> sorted = dates.stream().sorted().toList();
        double first = sorted.stream().mapToDouble(d -> day(d.start())).min().orElseThrow();
        double last = sorted.stream().mapToDouble(d -> day(end(d))).max().orElseThrow();
        double length = last - first;
        if (length < MINIMUM_DAYS) {
            first -= (MINIMUM_DAYS - length) / 2;
            last = first + MINIMUM_DAYS;
        }
        Axis axis = new Axis(first, last);
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            PartialDate date = sorted.get(i);
            double start = day(date.start());
            double end = day(end(date));
            markers.add(new Marker(i + 1, date, dateLabel.apply(date), axis.at(start), axis.at(end)));
        }
        return new TimelineGraphic(markers, badges(markers), ticks(axis));
    }

    /** Badges one per marker, then neighbours whose reserved widths overlap merged until none do. */
    static List<Badge> badges(List<Marker> markers) {
        List<Badge> badges = new ArrayList<>();
        for (Marker marker : markers) {
            badges.add(new Badge(marker.number(), marker.number(), marker.position(), marker.position(), marker.position()));
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i + 1 < badges.size(); i++) {
                Badge left = badges.get(i);
                Badge right = badges.get(i + 1);
                if (right.position() - left.position() < (left.width() + right.width()) / 2) {
                    badges.set(i, new Badge(left.first(), right.last(), (left.from() + right.to()) / 2, left.from(), right.to()));
                    badges.remove(i + 1);
                    merged = true;
                    break;
                }
            }
        }
        return badges;
    }

    private static List<Tick> ticks(Axis axis) {
        LocalDate start = LocalDate.ofEpochDay((long) Math.floor(axis.first()));
        LocalDate end = LocalDate.ofEpochDay((long) Math.floor(axis.last()));
        int years = end.getYear() - start.getYear();
        int step = STEPS[STEPS.length - 1];
        for (int candidate : STEPS) {
            if (years / candidate < MAX_YEAR_LABELS) {
                step = candidate;
                break;
            }
        }
        List<Tick> ticks = new ArrayList<>();
        // The left end is labelled with the year the axis begins in, whether or not that is 1 January.
        ticks.add(new Tick(start.getYear(), 0, true, true, false));
        double labelEnd = YEAR_WIDTH;
        for (int year = start.getYear() + 1; year <= end.getYear(); year++) {
            boolean major = year % step == 0;
            if (!major && years > MINOR_TICK_YEARS) {
                continue;
            }
            double position = axis.at(day(LocalDate.of(year, 1, 1)));
            boolean endAligned = position + YEAR_WIDTH > 100 + OVERHANG;
            double from = endAligned ? position - YEAR_WIDTH : position;
            boolean label = major && from >= labelEnd;
            if (label) {
                labelEnd = from + YEAR_WIDTH;
            }
            ticks.add(new Tick(year, position, major, label, endAligned));
        }
        return ticks;
    }

    /** The first day after the period the date names. */
    private static LocalDate end(PartialDate date) {
        return switch (date.precision()) {
            case YEAR -> date.start().plusYears(1);
            case MONTH -> date.start().plusMonths(1);
            case DAY -> date.start().plusDays(1);
        };
    }

    private static double day(LocalDate date) {
        return date.toEpochDay();
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    /** The axis from day {@code first} to day {@code last} (epoch days), mapped onto 0–100 %. */
    private record Axis(double first, double last) {
        double at(double day) {
            return Math.max(0, Math.min(100, (day - first) / (last - first) * 100));
        }
    }
}
