package dev.newsbrief.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler on one machine: Quartz's in-memory store and a status file. */
class LocalSchedulerTest {
    static final Path DAILY = Fixtures.fixture("newsletter/schedule/daily.yaml");
    static final Path EVERY_SECOND = Fixtures.fixture("newsletter/schedule/every-second.yaml");
    static final Path UNSCHEDULED = Fixtures.fixture("newsletter/schedule/unscheduled.yaml");
    /** 06:30 UTC on 10 January 2025: the daily edition (06:00 Yerevan, 02:00 UTC) of that day is due. */
    static final Instant NOW = Instant.parse("2025-01-10T06:30:00Z");

    private final List<String> log = new CopyOnWriteArrayList<>();

    /** A run as the runner saw it. */
    record Run(Instant scheduled, long startNanos, long endNanos) { }

    /** Records each run; each takes {@code millis}. */
    static final class RecordingRunner implements EditionRunner {
        final List<Run> runs = new CopyOnWriteArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        private final long millis;

        RecordingRunner(long millis) {
            this.millis = millis;
        }

        @Override
        public String run(Path newsletterFile, Instant scheduledAt) throws InterruptedException {
            long start = System.nanoTime();
            running.incrementAndGet();
            try {
                Thread.sleep(millis);
            } finally {
                running.decrementAndGet();
            }
            runs.add(new Run(scheduledAt, start, System.nanoTime()));
            return "edition for " + scheduledAt;
        }
    }

    /**
     * Builds of 2.5 s on a schedule of every second: each run starts after the previous ended,
     * and the seconds that passed during a build make one catch-up run (for the latest of them),
     * not one run each, queued up.
     */
    @Test
    void aBuildThatOutlastsTheIntervalNeverOverlapsTheNext(@TempDir Path state) {
        RecordingRunner runner = new RecordingRunner(2500);
        try (NewsletterScheduler scheduler = new NewsletterScheduler(List.of(EVERY_SECOND), runner, Clock.systemUTC(),
                ScheduleOptions.local(state).withMisfireThreshold(Duration.ofMillis(300)), log::add)) {
            scheduler.start();
            Poll.until(Duration.ofSeconds(30), () -> runner.runs.size() >= 3, () -> "three runs; log: " + log);
        }
        assertThat(runner.running).as("close() waited for the running build").hasValue(0);
        List<Run> runs = new ArrayList<>(runner.runs);
        runs.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).startNanos()).as("run %d starts after run %d ended", i, i - 1).isGreaterThanOrEqualTo(runs.get(i - 1).endNanos());
            assertThat(runs.get(i).scheduled()).as("the seconds missed during run %d make one run; runs: %s", i - 1, runs)
                    .isAfterOrEqualTo(runs.get(i - 1).scheduled().plusSeconds(2));
        }
        assertThat(runs).allSatisfy(run -> assertThat(run.scheduled().getNano()).as("a cron moment, not the wall clock").isZero());
        assertThat(log).filteredOn(line -> line.startsWith("run newsletter=every-second ")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line).contains(" outcome=ok ").containsPattern(" duration=\\d+ms node=\\S+-\\d+-\\d+ "));
        assertThat(log.getLast()).startsWith("shut down cleanly node=");
    }

    /** Five daily editions missed while stopped: at start, one run, for the latest of them. */
    @Test
    void afterDowntimeOneCatchUpForTheLatestMissedMoment(@TempDir Path state) {
        Instant lastHandled = Instant.parse("2025-01-05T02:00:00Z");
        try (StatusFile status = new StatusFile(state, true)) {
            status.recordRun(new RunRecord("daily", lastHandled, lastHandled, Duration.ofSeconds(3), RunRecord.Outcome.OK, "edition 4", "old-node"), null);
        }
        RecordingRunner runner = new RecordingRunner(10);
        try (NewsletterScheduler scheduler = new NewsletterScheduler(List.of(DAILY), runner, Clock.fixed(NOW, ZoneOffset.UTC),
                ScheduleOptions.local(state), log::add)) {
            scheduler.start();
            Poll.until(Duration.ofSeconds(20), () -> !runner.runs.isEmpty(), () -> "the catch-up run; log: " + log);
            Poll.pause(Duration.ofMillis(1500)); // room for a burst, had there been one
        }
        assertThat(runner.runs).extracting(Run::scheduled).containsExactly(Instant.parse("2025-01-10T02:00:00Z"));
        assertThat(log).anyMatch(line -> line.startsWith("catch-up newsletter=daily scheduled=2025-01-10T02:00:00Z "));

        NewsletterStatus status = ScheduleStatus.read(ScheduleOptions.local(state)).newsletters().getFirst();
        assertThat(status.lastHandled()).isEqualTo(Instant.parse("2025-01-10T02:00:00Z"));
        assertThat(status.lastRun().started()).as("by the scheduler's clock").isEqualTo(NOW);
        assertThat(status.lastRun().outcome()).isEqualTo(RunRecord.Outcome.OK);
        assertThat(status.lastRun().message()).isEqualTo("edition for 2025-01-10T02:00:00Z");
        assertThat(status.nextRun()).as("Quartz's next fire: 06:00 in Yerevan").isNotNull()
                .satisfies(next -> assertThat(next.atZone(ZoneId.of("Asia/Yerevan")).toLocalTime()).hasToString("06:00"));
    }

    /**
     * {@code --once}: no record at all makes the latest past edition (a crontab user's first run
     * builds one); run again, nothing; three days later, one run for the latest day only.
     */
    @Test
    void runOnceBuildsWhatIsDueAndOnlyThat(@TempDir Path state) throws IOException {
        RecordingRunner runner = new RecordingRunner(0);
        MutableClock clock = new MutableClock(NOW);
        try (NewsletterScheduler scheduler = new NewsletterScheduler(List.of(DAILY, UNSCHEDULED), runner, clock,
                ScheduleOptions.local(state), log::add)) {
            assertThat(scheduler.scheduled()).containsExactly("daily");
            assertThat(scheduler.runOnce()).extracting(RunRecord::scheduled).containsExactly(Instant.parse("2025-01-10T02:00:00Z"));
            assertThat(scheduler.runOnce()).isEmpty();
            clock.set(Instant.parse("2025-01-13T03:00:00Z"));
            assertThat(scheduler.runOnce()).extracting(RunRecord::scheduled).containsExactly(Instant.parse("2025-01-13T02:00:00Z"));
        }
        assertThat(runner.runs).extracting(Run::scheduled)
                .containsExactly(Instant.parse("2025-01-10T02:00:00Z"), Instant.parse("2025-01-13T02:00:00Z"));
        assertThat(log).contains("not scheduled newsletter=unscheduled: its file has no schedule");

        String json = Files.readString(state.resolve(StatusFile.FILE_NAME));
        assertThat(json).contains("\"lastHandled\" : \"2025-01-13T02:00:00Z\"").contains("\"nextRun\" : \"2025-01-14T02:00:00Z\"");
        assertThat(ScheduleStatus.read(ScheduleOptions.local(state)).table(ZoneId.of("Asia/Yerevan")).lines().toList())
                .first().asString().startsWith("NEWSLETTER  LAST SCHEDULED              STARTED                     DURATION  OUTCOME  NEXT RUN");
        assertThat(ScheduleStatus.read(ScheduleOptions.local(state)).table(ZoneId.of("Asia/Yerevan")))
                .containsPattern("daily       2025-01-13 06:00:00 \\+04:00  2025-01-13 07:00:00 \\+04:00  0\\.\\d s     ok       2025-01-14 06:00:00 \\+04:00  \\S+");
    }

    /** A failing build is logged and recorded as failed, with its reason; the moment counts as handled. */
    @Test
    void aFailedRunIsRecordedWithItsReason(@TempDir Path state) {
        EditionRunner failing = (file, at) -> {
            throw new IOException("SMTP server refused: 554 5.7.1\nrelay denied");
        };
        try (NewsletterScheduler scheduler = new NewsletterScheduler(List.of(DAILY), failing, Clock.fixed(NOW, ZoneOffset.UTC),
                ScheduleOptions.local(state), log::add)) {
            List<RunRecord> runs = scheduler.runOnce();
            assertThat(runs).singleElement().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(RunRecord.Outcome.FAILED);
                assertThat(run.message()).isEqualTo("SMTP server refused: 554 5.7.1\nrelay denied");
            });
            assertThat(scheduler.runOnce()).isEmpty();
        }
        assertThat(log).filteredOn(line -> line.startsWith("run ")).singleElement().asString()
                .contains("outcome=failed").contains("message=\"SMTP server refused: 554 5.7.1\\u000Arelay denied\"").doesNotContain("\n");
        String table = ScheduleStatus.read(ScheduleOptions.local(state)).table(ZoneOffset.UTC);
        assertThat(table).contains(" failed ").endsWith("daily: last run failed: SMTP server refused: 554 5.7.1\\u000Arelay denied\n");
    }

    /** A {@code --once} run beside another on the same state: one builds, the other finds the moment handled. */
    @Test
    void twoSchedulersOnOneStateNeverBuildOneMomentTwice(@TempDir Path state) throws Exception {
        RecordingRunner runner = new RecordingRunner(500);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (NewsletterScheduler first = new NewsletterScheduler(List.of(DAILY), runner, Clock.fixed(NOW, ZoneOffset.UTC), ScheduleOptions.local(state), log::add);
             NewsletterScheduler second = new NewsletterScheduler(List.of(DAILY), runner, Clock.fixed(NOW, ZoneOffset.UTC), ScheduleOptions.local(state), log::add)) {
            Future<List<RunRecord>> a = pool.submit(first::runOnce);
            Future<List<RunRecord>> b = pool.submit(second::runOnce);
            List<RunRecord> all = new ArrayList<>(a.get(30, TimeUnit.SECONDS));
            all.addAll(b.get(30, TimeUnit.SECONDS));
            assertThat(all).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(runner.runs).hasSize(1);
        assertThat(log).anyMatch(line -> line.startsWith("skipped newsletter=daily scheduled=2025-01-10T02:00:00Z ")
                && line.endsWith(": already handled (last 2025-01-10T02:00:00Z)"));
    }

    @Test
    void aBadNewsletterFileStopsTheSchedulerBeforeAnythingRuns(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("daily.yaml");
        Files.writeString(bad, Files.readString(DAILY).replace("0 0 6 * * ?", "0 0 25 * * ?"));
        Files.createDirectories(tmp.resolve("other"));
        Path twin = Files.copy(DAILY, tmp.resolve("other/daily.yaml"));
        Files.writeString(tmp.resolve("other/stub"), "");
        assertThatThrownBy(() -> new NewsletterScheduler(List.of(bad), (file, at) -> "", Clock.systemUTC(), ScheduleOptions.local(tmp.resolve("state")), log::add))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(bad + ":9:").hasMessageContaining("schedule.cron: '0 0 25 * * ?' is not a Quartz cron expression");
        assertThatThrownBy(() -> new NewsletterScheduler(List.of(DAILY, twin), (file, at) -> "", Clock.systemUTC(), ScheduleOptions.local(tmp.resolve("state")), log::add))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has the same name 'daily'");
        assertThat(Files.exists(tmp.resolve("state"))).as("nothing started").isFalse();
        assertThat(Collections.unmodifiableList(log)).isEmpty();
    }

    @Test
    void aDamagedStatusFileIsNamedWithWhatToDo(@TempDir Path state) throws IOException {
        Files.writeString(state.resolve(StatusFile.FILE_NAME), "{\"newsletters\": {\"daily\": [}");
        assertThatThrownBy(() -> ScheduleStatus.read(ScheduleOptions.local(state)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(state.resolve(StatusFile.FILE_NAME) + ":1:")
                .hasMessageContaining("not a schedule status file")
                .hasMessageEndingWith("delete it to start afresh: each newsletter's latest past fire time then runs once");
    }
}
