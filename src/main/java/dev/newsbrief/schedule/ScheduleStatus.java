package dev.newsbrief.schedule;

import dev.newsbrief.model.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The schedule's state for {@code newsbrief status}: per newsletter, the last run (when it was
 * scheduled and started, how long it took, its outcome) and the next one.
 *
 * @param newsletters by name
 */
public record ScheduleStatus(List<NewsletterStatus> newsletters) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.ROOT);

    public ScheduleStatus {
        newsletters = newsletters.stream().sorted(Comparator.comparing(NewsletterStatus::newsletter)).toList();
    }

    /**
     * Reads the status the schedulers keep: the status file in the state folder, or the table in
     * the database (nothing is started; no schema is created).
     */
    public static ScheduleStatus read(ScheduleOptions options) {
        try (StatusStore store = StatusStore.open(options, false)) {
            return new ScheduleStatus(List.copyOf(store.read().values()));
        }
    }

    /**
     * A table for people, times in {@code zone}:
     * <pre>
     * NEWSLETTER  LAST SCHEDULED              STARTED                     DURATION  OUTCOME  NEXT RUN
     * morning     2025-08-08 06:00:00 +04:00  2025-08-08 06:00:01 +04:00  3.0 s     ok       2025-08-09 06:00:00 +04:00
     * </pre>
     * followed by the message of each failed last run.
     */
    public String table(ZoneId zone) {
        Objects.requireNonNull(zone, "The parameter 'zone' must not be null");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NEWSLETTER", "LAST SCHEDULED", "STARTED", "DURATION", "OUTCOME", "NEXT RUN", "NODE"});
        for (NewsletterStatus status : newsletters) {
            RunRecord last = status.lastRun();
            rows.add(new String[] {
                status.newsletter(),
                last == null ? "never" : time(last.scheduled(), zone),
                last == null ? "-" : time(last.started(), zone),
                last == null ? "-" : seconds(last.duration()),
                last == null ? "-" : last.outcome().name().toLowerCase(Locale.ROOT),
                status.nextRun() == null ? "-" : time(status.nextRun(), zone),
                last == null ? "-" : last.node()});
        }
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        for (NewsletterStatus status : newsletters) {
            if (status.lastRun() != null && !status.lastRun().ok()) {
                table.append(status.newsletter()).append(": last run failed: ")
                        .append(InvalidInputException.escape(status.lastRun().message())).append('\n');
            }
        }
        return table.toString();
    }

    private static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
