package dev.newsbrief.schedule;

import dev.newsbrief.model.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One run of one newsletter's edition, as logged and as {@code newsbrief status} shows it.
 *
 * @param newsletter the newsletter's name
 * @param scheduled  the cron moment the run stands for (the edition's date)
 * @param started    when the run started, by the scheduler's clock
 * @param duration   how long it took
 * @param outcome    ok or failed
 * @param message    the runner's one-line summary, or what went wrong
 * @param node       the scheduler instance that ran it (host, process id and start time)
 */
public record RunRecord(String newsletter, Instant scheduled, Instant started, Duration duration, Outcome outcome,
                        String message, String node) {

    public enum Outcome { OK, FAILED }

    public RunRecord {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
        Objects.requireNonNull(scheduled, "The parameter 'scheduled' must not be null");
        Objects.requireNonNull(started, "The parameter 'started' must not be null");
        Objects.requireNonNull(duration, "The parameter 'duration' must not be null");
        Objects.requireNonNull(outcome, "The parameter 'outcome' must not be null");
        message = message == null ? "" : message;
        node = node == null ? "" : node;
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /**
     * The log line: {@code run newsletter=morning scheduled=2025-08-08T02:00:00Z outcome=ok
     * duration=3012ms node=host-4711-1754620000000 message="edition 12: 4 languages, 40 sent"}.
     * Control characters in the message are escaped, so one run stays one line.
     */
    public String logLine() {
        return "run newsletter=" + newsletter + " scheduled=" + scheduled + " outcome=" + outcome.name().toLowerCase(java.util.Locale.ROOT)
                + " duration=" + duration.toMillis() + "ms node=" + node
                + " message=\"" + InvalidInputException.escape(message).replace("\"", "\\\"") + "\"";
    }
}
