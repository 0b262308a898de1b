package dev.newsbrief.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.newsletter.JdbcStoreTest.TestSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clustered scheduler's own behaviour on PostgreSQL, one node in this JVM; see {@link ClusterTest} for three. */
class JdbcSchedulerTest {
    private static final Path EVERY_TWO = Fixtures.fixture("newsletter/schedule/every-two.yaml");

    private final List<String> log = new CopyOnWriteArrayList<>();
    private TestSchema schema;

    @BeforeEach
    void createSchema() {
        schema = TestSchema.create();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    private ScheduleOptions options() {
        return ScheduleOptions.jdbc(schema.url(), schema.user(), schema.password()).withClusterCheckinInterval(Duration.ofMillis(1000));
    }

    /** A run as the runner saw it: the moment it is for, and when it started (real time, to compare with the pause). */
    record Run(Instant scheduled, Instant started) { }

    /**
     * Paused (standby) past several fire times with a small misfire threshold: on resume, one
     * run for the latest missed moment, not one per missed moment.
     */
    @Test
    void afterAPauseOneCatchUpNotABurst() {
        List<Run> runs = new CopyOnWriteArrayList<>();
        EditionRunner runner = (file, at) -> {
            runs.add(new Run(at, Instant.now()));
            return "ok";
        };
        CronTimes cron = new CronTimes("0/2 * * * * ?", ZoneOffset.UTC);
        Instant pausedAt;
        Instant resumedAt;
        try (NewsletterScheduler scheduler = new NewsletterScheduler(List.of(EVERY_TWO), runner, Clock.systemUTC(),
                options().withMisfireThreshold(Duration.ofMillis(300)), log::add)) {
            scheduler.start();
            Poll.until(Duration.ofSeconds(30), () -> runs.size() >= 2, () -> "two runs; log: " + log);
            scheduler.standby();
            pausedAt = Instant.now();
            // At least three fire times missed; resume half-way between two, so the catch-up is clearly for the one before.
            Instant resumeAt = cron.next(pausedAt.plusSeconds(6)).orElseThrow().plusMillis(1000);
            Poll.pause(Duration.between(Instant.now(), resumeAt));
            resumedAt = Instant.now();
            scheduler.resume();
            Poll.until(Duration.ofSeconds(30), () -> runs.stream().anyMatch(run -> run.started().isAfter(resumedAt)), () -> "a run after resume; " + log);
            Poll.pause(Duration.ofMillis(1500));
        }
        List<Instant> missed = new ArrayList<>();
        // The first second after the pause is left out: a fire Quartz had already taken may still go.
        for (Instant t = cron.next(pausedAt.plusSeconds(1)).orElseThrow(); t.isBefore(resumedAt); t = cron.next(t).orElseThrow()) {
            missed.add(t);
        }
        assertThat(missed).as("fire times missed while paused").hasSizeGreaterThanOrEqualTo(3);
        assertThat(runs).as("nothing ran while paused").noneMatch(run -> run.started().isAfter(pausedAt.plusSeconds(1)) && run.started().isBefore(resumedAt));
        assertThat(runs).as("one catch-up, for the latest missed moment; runs: %s", runs)
                .filteredOn(run -> missed.contains(run.scheduled())).extracting(Run::scheduled).containsExactly(missed.getLast());

        ScheduleStatus status = ScheduleStatus.read(options());
        assertThat(status.newsletters()).singleElement().satisfies(newsletter -> {
            assertThat(newsletter.lastRun().outcome()).isEqualTo(RunRecord.Outcome.OK);
            assertThat(newsletter.lastRun().node()).matches("\\S+-\\d+-\\d+");
            assertThat(newsletter.nextRun()).isAfter(newsletter.lastHandled());
        });
        assertThat(status.table(ZoneId.of("Europe/Moscow"))).contains("every-two").contains(" +03:00 ").contains(" ok ");
    }

    /** Three nodes preparing the tables at once: Quartz's script runs once, and never again over tables that exist. */
    @Test
    void theSchemaIsCreatedOnceAndNeverOverwritten() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                starts.add(pool.submit(() -> StatusStore.open(options(), true).close()));
            }
            for (Future<?> start : starts) {
                start.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement()) {
            for (String table : PostgresSchema.QUARTZ_TABLES) {
                assertThat(dev.newsbrief.newsletter.JdbcStore.exists(connection, table)).as(table).isTrue();
            }
            statement.execute("INSERT INTO qrtz_locks (sched_name, lock_name) VALUES ('newsbrief', 'kept')");
        }
        StatusStore.open(options(), true).close();
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM qrtz_locks WHERE lock_name = 'kept'")) {
            rows.next();
            assertThat(rows.getInt(1)).as("an existing schedule survives a node's start").isEqualTo(1);
        }
    }

    @Test
    void aDamagedQuartzSchemaIsNamedAndLeftAlone() throws Exception {
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE qrtz_locks (sched_name varchar(120) NOT NULL, lock_name varchar(40) NOT NULL)");
            statement.execute("INSERT INTO qrtz_locks VALUES ('newsbrief', 'kept')");
        }
        assertThatThrownBy(() -> new NewsletterScheduler(List.of(EVERY_TWO), (file, at) -> "", Clock.systemUTC(), options(), log::add))
                .isInstanceOf(ScheduleException.class)
                .hasMessageStartingWith("the database " + schema.url() + " has some of Quartz's tables but not [qrtz_job_details, ")
                .hasMessageNotContaining("\n");
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM qrtz_locks")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    /** {@code --once} against the database: the same due rule as on one machine, the status in the shared table. */
    @Test
    void runOnceUsesTheSharedStatus() {
        List<Instant> moments = new CopyOnWriteArrayList<>();
        EditionRunner runner = (file, at) -> {
            moments.add(at);
            return "built";
        };
        Clock clock = Clock.fixed(LocalSchedulerTest.NOW, ZoneOffset.UTC);
        try (NewsletterScheduler first = new NewsletterScheduler(List.of(LocalSchedulerTest.DAILY), runner, clock, options(), log::add)) {
            assertThat(first.runOnce()).hasSize(1);
        }
        try (NewsletterScheduler second = new NewsletterScheduler(List.of(LocalSchedulerTest.DAILY), runner, clock, options(), log::add)) {
            assertThat(second.runOnce()).as("another node sees it handled").isEmpty();
        }
        assertThat(moments).containsExactly(Instant.parse("2025-01-10T02:00:00Z"));
        assertThat(ScheduleStatus.read(options()).newsletters()).singleElement().satisfies(status -> {
            assertThat(status.lastHandled()).isEqualTo(Instant.parse("2025-01-10T02:00:00Z"));
            assertThat(status.lastRun().message()).isEqualTo("built");
            assertThat(status.nextRun()).isEqualTo(Instant.parse("2025-01-11T02:00:00Z"));
        });
    }

    @Test
    void anUnreachableDatabaseIsOneLine() {
        assertThatThrownBy(() -> new NewsletterScheduler(List.of(EVERY_TWO), (file, at) -> "", Clock.systemUTC(),
                ScheduleOptions.jdbc(schema.url(), schema.user(), "wrong password"), log::add))
                .isInstanceOf(ScheduleException.class).hasMessageStartingWith("cannot connect to " + schema.url())
                .hasMessageNotContaining("wrong password").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ScheduleOptions.jdbc("jdbc:mysql://db/news", "u", "p"))
                .hasMessage("--store: 'jdbc:mysql://db/news' is not a PostgreSQL JDBC URL; write jdbc:postgresql://host:5432/database");
    }
}
