package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.PartialDate;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.render.TimelineGraphic.Badge;
import dev.newsbrief.render.TimelineGraphic.Marker;
import dev.newsbrief.render.TimelineGraphic.Tick;
import dev.newsbrief.resource.ResourceSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timeline drawn to scale: where markers, badges and year ticks sit, for any set of dates. */
class TimelineGraphicTest {
    private static final Function<PartialDate, String> ISO = PartialDate::toString;

    private static TimelineGraphic of(String... dates) {
        return TimelineGraphic.ofDates(java.util.Arrays.stream(dates).map(PartialDate::parse).toList(), ISO);
    }

    /** Position in % of {@code day} (epoch day, may be fractional) on an axis from {@code from} to {@code to}. */
    private static double at(double day, LocalDate from, LocalDate to) {
        return (day - from.toEpochDay()) * 100.0 / (to.toEpochDay() - from.toEpochDay());
    }

    /** The embedded story: the axis runs from 1 January 2020 to the end of 8 August 2025; each event sits at its start. */
    @Test
    void theEmbeddedStorysEventsSitAtTheStartOfTheirDates() {
        TimelineGraphic graphic = of("2025-08-08", "2020", "2023");
        LocalDate from = LocalDate.of(2020, 1, 1);
        LocalDate to = LocalDate.of(2025, 8, 9);
        assertThat(graphic.markers()).extracting(Marker::number).containsExactly(1, 2, 3);
        assertThat(graphic.markers()).extracting(m -> m.date().toString()).containsExactly("2020", "2023", "2025-08-08");
        assertThat(graphic.markers()).extracting(Marker::position).containsExactly(0.0,
                at(LocalDate.of(2023, 1, 1).toEpochDay(), from, to), at(LocalDate.of(2025, 8, 8).toEpochDay(), from, to));
        assertThat(graphic.markers()).extracting(Marker::left).containsExactly("0.00%", "53.54%", "99.95%");
        // A year is a period: its band runs from its marker to the next year's tick.
        Marker war = graphic.markers().get(0);
        assertThat(war.period()).isTrue();
        assertThat(war.spanEnd()).isCloseTo(at(LocalDate.of(2021, 1, 1).toEpochDay(), from, to), within(1e-9));
        assertThat(war.spanWidth()).isEqualTo("17.88%");
        assertThat(graphic.markers().get(2).period()).isFalse();
        // Every year is ticked and labelled at its 1 January; none is near enough the right end to end at its tick.
        assertThat(graphic.ticks()).extracting(Tick::year).containsExactly(2020, 2021, 2022, 2023, 2024, 2025);
        assertThat(graphic.ticks()).allSatisfy(tick -> assertThat(tick.label() && tick.major()).isTrue());
        assertThat(graphic.ticks()).extracting(Tick::left).containsExactly("0.00%", "17.88%", "35.71%", "53.54%", "71.37%", "89.25%");
        assertThat(graphic.ticks()).noneMatch(Tick::endAligned);
        assertThat(graphic.badges()).extracting(Badge::text).containsExactly("1", "2", "3");
        assertThat(graphic.badges()).extracting(Badge::position).containsExactlyElementsOf(graphic.markers().stream().map(Marker::position).toList());
    }

    @Test
    void aMonthCoversItsMonth() {
        TimelineGraphic graphic = of("2024-02", "2026-02");
        Marker february = graphic.markers().get(0);
        LocalDate from = LocalDate.of(2024, 2, 1);
        LocalDate to = LocalDate.of(2026, 3, 1);
        assertThat(february.position()).isZero();
        assertThat(february.spanEnd()).isCloseTo(at(LocalDate.of(2024, 3, 1).toEpochDay(), from, to), within(1e-9));
        assertThat(graphic.markers().get(1).position()).isCloseTo(at(LocalDate.of(2026, 2, 1).toEpochDay(), from, to), within(1e-9));
        assertThat(graphic.markers().get(1).spanEnd()).isEqualTo(100);
    }

    /** A day inside a year that is also on the timeline: the list's order (by start) is the axis's order. */
    @Test
    void aDayInsideAYearFollowsTheYear() {
        TimelineGraphic graphic = of("2020-03-05", "2020", "2021");
        assertThat(graphic.markers()).extracting(m -> m.date().toString()).containsExactly("2020", "2020-03-05", "2021");
        assertThat(graphic.markers()).extracting(Marker::position).isSorted();
        assertThat(graphic.markers().get(1).position()).isGreaterThan(graphic.markers().get(0).position());
    }

    /** One event: a two-year axis with the event in its middle. */
    @Test
    void oneEventSitsInTheMiddleOfATwoYearAxis() {
        TimelineGraphic day = of("2025-08-08");
        double first = LocalDate.of(2025, 8, 8).toEpochDay() - (TimelineGraphic.MINIMUM_DAYS - 1) / 2;
        assertThat(day.markers()).singleElement().satisfies(m -> assertThat(m.position())
                .isCloseTo((LocalDate.of(2025, 8, 8).toEpochDay() - first) * 100 / TimelineGraphic.MINIMUM_DAYS, within(1e-9)));
        assertThat(day.badges()).extracting(Badge::text).containsExactly("1");
        assertThat(day.ticks().get(0)).isEqualTo(new Tick(2024, 0, true, true, false));
        assertThat(day.ticks()).extracting(Tick::year).containsExactly(2024, 2025, 2026);
        assertThat(day.ticks().get(2).position()).isCloseTo((LocalDate.of(2026, 1, 1).toEpochDay() - first) * 100 / TimelineGraphic.MINIMUM_DAYS, within(1e-9));

        TimelineGraphic year = of("2020");
        double yearFirst = LocalDate.of(2020, 1, 1).toEpochDay() - (TimelineGraphic.MINIMUM_DAYS - 366) / 2;
        assertThat(year.markers().get(0).position()).isCloseTo((LocalDate.of(2020, 1, 1).toEpochDay() - yearFirst) * 100 / TimelineGraphic.MINIMUM_DAYS, within(1e-9));
        assertThat(year.markers().get(0).spanEnd()).isCloseTo((LocalDate.of(2021, 1, 1).toEpochDay() - yearFirst) * 100 / TimelineGraphic.MINIMUM_DAYS, within(1e-9));
    }

    @Test
    void noEventsNoGraphic() {
        TimelineGraphic graphic = TimelineGraphic.ofDates(List.of(), ISO);
        assertThat(graphic.markers()).isEmpty();
        assertThat(graphic.badges()).isEmpty();
        assertThat(graphic.ticks()).isEmpty();
    }

    /** Days apart in the same year keep their order and distinct places, but share one badge naming both. */
    @Test
    void eventsDaysApartShareOneBadge() {
        TimelineGraphic graphic = of("2024-09-27", "2024-10-01");
        assertThat(graphic.markers().get(0).position()).isLessThan(graphic.markers().get(1).position());
        assertThat(graphic.badges()).extracting(Badge::text).containsExactly("1\u20132");
        Badge badge = graphic.badges().get(0);
        assertThat(badge.range()).isTrue();
        assertThat(badge.position()).isCloseTo((graphic.markers().get(0).position() + graphic.markers().get(1).position()) / 2, within(1e-9));
        assertThat(badge.from()).as("its bracket spans its markers").isEqualTo(graphic.markers().get(0).position());
        assertThat(badge.to()).isEqualTo(graphic.markers().get(1).position());
        // The axis is two years long, so four days do not spread over the whole width.
        assertThat(graphic.markers().get(1).position() - graphic.markers().get(0).position()).isCloseTo(400 / TimelineGraphic.MINIMUM_DAYS, within(1e-9));
    }

    /** Two events in the same year known only to the year sit on the same place: one badge, both numbers. */
    @Test
    void twoEventsOfTheSameYear() {
        TimelineGraphic graphic = of("2023", "2023", "2025");
        assertThat(graphic.markers()).extracting(Marker::number).containsExactly(1, 2, 3);
        assertThat(graphic.badges()).extracting(Badge::text).containsExactly("1\u20132", "3");
    }

    /** Years decades apart are thinned to a round step so their labels fit the narrowest axis. */
    @Test
    void decadesApartAreLabelledByARoundStep() {
        TimelineGraphic graphic = of("1915", "1991", "2020");
        List<Tick> labelled = graphic.ticks().stream().filter(Tick::label).toList();
        assertThat(labelled).extracting(Tick::year).containsExactly(1915, 1940, 1960, 1980, 2000);
        assertThat(graphic.ticks()).as("no minor tick for every year of a century").extracting(Tick::year)
                .containsExactly(1915, 1920, 1940, 1960, 1980, 2000, 2020);
        assertThat(graphic.ticks().get(6).endAligned()).as("1 January 2020 is near the right end").isTrue();
        assertThat(graphic.ticks().get(6).label()).as("2020 would touch 2000: tick only").isFalse();
        assertThat(graphic.badges()).extracting(Badge::text).containsExactly("1", "2", "3");

        TimelineGraphic twenty = of("2006", "2024-11-27");
        assertThat(twenty.ticks().stream().filter(Tick::label)).extracting(Tick::year).containsExactly(2006, 2010, 2015, 2020);
        assertThat(twenty.ticks()).as("every year ticked, every fifth labelled").hasSize(19)
                .filteredOn(Tick::major).extracting(Tick::year).containsExactly(2006, 2010, 2015, 2020);
    }

    /** Ten events a year apart: ten badges, each number its own. */
    @Test
    void tenEventsAYearApartKeepTheirOwnBadges() {
        TimelineGraphic graphic = TimelineGraphic.ofDates(IntStream.range(2010, 2020).mapToObj(PartialDate::ofYear).toList(), ISO);
        assertThat(graphic.badges()).extracting(Badge::text).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(graphic.ticks().stream().filter(Tick::label)).extracting(Tick::year).containsExactly(2010, 2012, 2014, 2016, 2018);
        assertNothingOverlaps(graphic);
    }

    /** Whatever the dates, everything lies on the axis, in order, and no two labels overlap. */
    @Test
    void anyDatesGiveAnOrderlyGraphic() {
        Random random = new Random(9);
        for (int round = 0; round < 500; round++) {
            List<PartialDate> dates = new ArrayList<>();
            int count = 1 + random.nextInt(12);
            int base = 1900 + random.nextInt(120);
            int spread = 1 + random.nextInt(random.nextBoolean() ? 3 : 80);
            for (int i = 0; i < count; i++) {
                int year = base + random.nextInt(spread);
                dates.add(switch (random.nextInt(3)) {
                    case 0 -> PartialDate.ofYear(year);
                    case 1 -> new PartialDate(year, 1 + random.nextInt(12), 0);
                    default -> PartialDate.of(LocalDate.of(year, 1, 1).plusDays(random.nextInt(365)));
                });
            }
            TimelineGraphic graphic = TimelineGraphic.ofDates(dates, ISO);
            assertThat(graphic.markers()).extracting(Marker::date).as("%s", dates).isSortedAccordingTo(PartialDate::compareTo);
            assertThat(graphic.markers()).allSatisfy(m -> {
                assertThat(m.position()).isBetween(0.0, 100.0);
                assertThat(m.spanEnd()).isBetween(m.position(), 100.0);
            });
            assertThat(graphic.markers()).extracting(Marker::position).isSorted();
            assertThat(graphic.ticks()).extracting(Tick::position).isSorted();
            assertThat(graphic.ticks()).allSatisfy(t -> assertThat(t.position()).isBetween(0.0, 100.0));
            assertThat(graphic.ticks().stream().filter(Tick::label).count()).as("%s", dates).isBetween(1L, (long) TimelineGraphic.MAX_YEAR_LABELS);
            assertNothingOverlaps(graphic);
        }
    }

    /** Badges cover the numbers 1..n once each, in order, their reserved widths apart; year labels do not touch. */
    private static void assertNothingOverlaps(TimelineGraphic graphic) {
        List<Integer> covered = new ArrayList<>();
        graphic.badges().forEach(b -> IntStream.rangeClosed(b.first(), b.last()).forEach(covered::add));
        assertThat(covered).containsExactlyElementsOf(IntStream.rangeClosed(1, graphic.markers().size()).boxed().toList());
        for (int i = 0; i + 1 < graphic.badges().size(); i++) {
            Badge left = graphic.badges().get(i);
            Badge right = graphic.badges().get(i + 1);
            assertThat(right.position() - left.position()).as("%s then %s", left, right)
                    .isGreaterThanOrEqualTo((left.width() + right.width()) / 2);
        }
        double end = Double.NEGATIVE_INFINITY;
        for (Tick tick : graphic.ticks().stream().filter(Tick::label).toList()) {
            double from = tick.endAligned() ? tick.position() - TimelineGraphic.YEAR_WIDTH : tick.position();
            assertThat(from).as("label %s", tick.year()).isGreaterThanOrEqualTo(end);
            assertThat(from + TimelineGraphic.YEAR_WIDTH).as("label %s stays within the graphic", tick.year()).isLessThanOrEqualTo(102);
            end = from + TimelineGraphic.YEAR_WIDTH;
        }
    }

    /** The markers' dates are worded for the language as the dated list words them (messages date.year|day, ICU). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | 2020       | 2023       | August 8, 2025",
        "ru | 2020 г.    | 2023 г.    | 8 августа 2025 г.",
        "hy | 2020 թ.    | 2023 թ.    | 2025 թ. օգոստոսի 8",
        "az | 2020       | 2023       | 8 avqust 2025"})
    void markersCarryTheDatesWordedForTheLanguage(String tag, String war, String offensive, String signing) {
        StorySource source = Fixtures.repositoryStories().get(0);
        TemplateFunctions nb = Renderer.functions(source.story(), new Translations(new ResourceSet("translations", null)).catalog(tag, source));
        TimelineGraphic graphic = nb.timeline(source.story());
        assertThat(graphic.markers()).extracting(m -> m.label().replace('\u202F', ' ').replace('\u00A0', ' '))
                .containsExactly(war, offensive, signing);
        assertThat(graphic.markers()).extracting(Marker::label)
                .containsExactlyElementsOf(source.story().chronology().stream().map(e -> nb.capitalize(nb.partialDate(e.date()))).toList());
    }
}
