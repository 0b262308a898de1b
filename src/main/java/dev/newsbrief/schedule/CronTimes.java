package dev.newsbrief.schedule;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The fire times of one newsletter's cron expression in its zone: which moment is due, and
 * which cron moment a late or recovered fire stands for.
 */
final class CronTimes {
    /** How far back a due moment is looked for: a schedule silent for longer has nothing to catch up. */
    private static final Duration LOOK_BACK = Duration.ofDays(366 * 5);

    private final String cron;
    private final ZoneId zone;

    CronTimes(String cron, ZoneId zone) {
        this.cron = cron;
        this.zone = zone;
        expression();
    }

    /** A fresh expression each time: {@link CronExpression} is not thread-safe. */
    private CronExpression expression() {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException("'" + cron + "' is not a Quartz cron expression: " + e.getMessage(), e);
        }
    }

    /** The first fire time strictly after {@code after}, if the expression fires again. */
    Optional<Instant> next(Instant after) {
        return Optional.ofNullable(expression().getTimeAfter(Date.from(after))).map(Date::toInstant);
    }

    /**
     * The latest fire time at or before {@code at}. Looks back in doubling windows (a minute, two,
     * four, …) so a fast schedule is not walked fire by fire across a long gap.
     */
    Optional<Instant> latestAtOrBefore(Instant at) {
        CronExpression expression = expression();
        for (Duration window = Duration.ofMinutes(1); window.compareTo(LOOK_BACK.multipliedBy(2)) <= 0; window = window.multipliedBy(2)) {
            // getTimeAfter is strictly after: start 1 ms earlier so a fire time exactly at the window's start counts.
            Date candidate = expression.getTimeAfter(Date.from(at.minus(window).minusMillis(1)));
            Instant latest = null;
            while (candidate != null && !candidate.toInstant().isAfter(at)) {
                latest = candidate.toInstant();
                candidate = expression.getTimeAfter(candidate);
            }
            if (latest != null) {
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }

    /** True if {@code at} is exactly one of the fire times (to the millisecond). */
    boolean isFireTime(Instant at) {
        return latestAtOrBefore(at).filter(at::equals).isPresent();
    }

    /**
     * The moment due at {@code now}: the latest fire time at or before it, if it is later than
     * {@code lastHandled}; with no record at all ({@code lastHandled} null) the latest past fire
     * time is due, so the first run of a crontab entry makes an edition.
     */
    Optional<Instant> due(Instant lastHandled, Instant now) {
        return latestAtOrBefore(now).filter(latest -> lastHandled == null || latest.isAfter(lastHandled));
    }

    /**
     * The cron moment a fire stands for. A fire on time, or late because the previous run was
     * still going, carries an exact fire time: that one. A misfire fired "now" carries the moment
     * Quartz handled the misfire, which is no fire time: it stands for the latest fire time before
     * it actually fired, so a catch-up edition is dated by the schedule, not by the wall clock.
     */
    Instant standsFor(Instant scheduledFireTime, Instant firedAt) {
        if (isFireTime(scheduledFireTime)) {
            return scheduledFireTime;
        }
        Instant reference = firedAt == null || firedAt.isBefore(scheduledFireTime) ? scheduledFireTime : firedAt;
        return latestAtOrBefore(reference).orElse(scheduledFireTime);
    }

    String cron() {
        return cron;
    }

    ZoneId zone() {
        return zone;
    }
}
