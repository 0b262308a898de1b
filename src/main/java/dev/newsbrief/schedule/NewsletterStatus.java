package dev.newsbrief.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * What the schedule knows about one newsletter.
 *
 * @param newsletter  the newsletter's name
 * @param lastHandled the latest cron moment a run was made for (ok or failed); null if none yet
 * @param lastRun     the last run; null if none yet
 * @param nextRun     the next cron moment, as the scheduler last computed it; null if unknown
 */
public record NewsletterStatus(String newsletter, Instant lastHandled, RunRecord lastRun, Instant nextRun) {
    public NewsletterStatus {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
    }
}
