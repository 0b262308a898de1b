package dev.newsbrief.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Which cron moment is due, and which one a late, missed or recovered fire stands for. */
class CronTimesTest {
    /** 06:00 every day in Yerevan (UTC+4): 02:00 UTC. */
    private final CronTimes daily = new CronTimes("0 0 6 * * ?", ZoneId.of("Asia/Yerevan"));
    private final CronTimes everyTwoSeconds = new CronTimes("0/2 * * * * ?", ZoneId.of("UTC"));

    @Test
    void theLatestFireTimeIsReadInTheSchedulesZone() {
        assertThat(daily.latestAtOrBefore(Instant.parse("2025-01-10T05:00:00Z"))).contains(Instant.parse("2025-01-10T02:00:00Z"));
        assertThat(daily.latestAtOrBefore(Instant.parse("2025-01-10T01:59:59.999Z"))).contains(Instant.parse("2025-01-09T02:00:00Z"));
        assertThat(daily.latestAtOrBefore(Instant.parse("2025-01-10T02:00:00Z"))).as("at counts").contains(Instant.parse("2025-01-10T02:00:00Z"));
        assertThat(daily.next(Instant.parse("2025-01-10T02:00:00Z"))).contains(Instant.parse("2025-01-11T02:00:00Z"));
    }

    @Test
    void aFastScheduleIsNotWalkedAcrossALongGap() {
        assertThat(everyTwoSeconds.latestAtOrBefore(Instant.parse("2025-01-10T05:00:03.5Z"))).contains(Instant.parse("2025-01-10T05:00:02Z"));
        CronTimes yearly = new CronTimes("0 0 0 1 1 ? *", ZoneId.of("UTC"));
        assertThat(yearly.latestAtOrBefore(Instant.parse("2025-12-31T00:00:00Z"))).contains(Instant.parse("2025-01-01T00:00:00Z"));
        CronTimes past = new CronTimes("0 0 6 * * ? 2020", ZoneId.of("UTC"));
        assertThat(past.next(Instant.parse("2025-01-01T00:00:00Z"))).as("never fires again").isEmpty();
    }

    @Test
    void dueIsTheLatestMissedMomentOnlyIfLaterThanTheLastHandled() {
        Instant now = Instant.parse("2025-01-10T06:30:00Z");
        assertThat(daily.due(Instant.parse("2025-01-05T02:00:00Z"), now)).as("five missed: the latest").contains(Instant.parse("2025-01-10T02:00:00Z"));
        assertThat(daily.due(Instant.parse("2025-01-10T02:00:00Z"), now)).as("handled").isEmpty();
        assertThat(daily.due(null, now)).as("no record: the latest past fire time").contains(Instant.parse("2025-01-10T02:00:00Z"));
    }

    @Test
    void aFireOnTimeOrLateStandsForItsOwnMoment() {
        Instant scheduled = Instant.parse("2025-01-10T02:00:00Z");
        assertThat(daily.standsFor(scheduled, scheduled.plusSeconds(40))).isEqualTo(scheduled);
    }

    /** Quartz's FIRE_ONCE_NOW gives the moment it handled the misfire: the edition is dated by the latest cron moment before the fire. */
    @Test
    void aMisfireFiredNowStandsForTheLatestMissedMoment() {
        Instant handled = Instant.parse("2025-01-10T05:00:01.317Z");
        assertThat(everyTwoSeconds.standsFor(handled, Instant.parse("2025-01-10T05:00:07.020Z"))).isEqualTo(Instant.parse("2025-01-10T05:00:06Z"));
        assertThat(everyTwoSeconds.isFireTime(Instant.parse("2025-01-10T05:00:02.001Z"))).as("to the millisecond").isFalse();
        assertThat(daily.standsFor(handled, handled)).isEqualTo(Instant.parse("2025-01-10T02:00:00Z"));
    }
}
