package dev.newsbrief.schedule;

import com.zaxxer.hikari.HikariDataSource;
import dev.newsbrief.newsletter.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clustered schedule's run status: the table {@code newsbrief_schedule}, one row per
 * newsletter, shared by every node. A run's lock is a session advisory lock on the newsletter's
 * name, held on its own connection: it ends with the node's connection, so a node killed
 * mid-run frees it, and a node that is only frozen (taken for dead by Quartz, its job recovered
 * elsewhere) keeps it, so the recovering node waits instead of building the same edition at once.
 */
final class StatusTable implements StatusStore {
    private static final int RUN_LOCK = 0x6e620003;

    private final HikariDataSource dataSource;
    private final String url;

    private StatusTable(HikariDataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
    }

    static StatusTable open(ScheduleOptions options, boolean create) {
        HikariDataSource pool;
        try {
            pool = JdbcStore.pool(options.jdbcUrl(), options.user(), options.password(), options.threads() + 2, "newsbrief-schedule");
        } catch (IllegalStateException e) {
            throw new ScheduleException(e.getMessage(), e);
        }
        try {
            if (create) {
                PostgresSchema.ensure(pool, options.jdbcUrl());
            }
            return new StatusTable(pool, options.jdbcUrl());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public Map<String, NewsletterStatus> read() {
        Map<String, NewsletterStatus> statuses = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!JdbcStore.exists(connection, PostgresSchema.STATUS_TABLE)) {
                return statuses;
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT newsletter, last_handled, last_scheduled, last_started, "
                    + "last_duration_ms, last_outcome, last_message, last_node, next_run FROM newsbrief_schedule ORDER BY newsletter");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    RunRecord last = rows.getObject(3) == null ? null : new RunRecord(name, instant(rows, 3), instant(rows, 4),
                            Duration.ofMillis(rows.getLong(5)), RunRecord.Outcome.valueOf(rows.getString(6)), rows.getString(7), rows.getString(8));
                    statuses.put(name, new NewsletterStatus(name, instant(rows, 2), last, instant(rows, 9)));
                }
            }
            return statuses;
        } catch (SQLException e) {
            throw failure("cannot read the schedule's status", e);
        }
    }

    @Override
    public void recordRun(RunRecord run, Instant nextRun) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO newsbrief_schedule AS s (newsletter, last_handled, last_scheduled, last_started, last_duration_ms,
                                                         last_outcome, last_message, last_node, next_run)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (newsletter) DO UPDATE SET
                       last_handled = GREATEST(s.last_handled, excluded.last_handled),
                       last_scheduled = excluded.last_scheduled, last_started = excluded.last_started,
                       last_duration_ms = excluded.last_duration_ms, last_outcome = excluded.last_outcome,
                       last_message = excluded.last_message, last_node = excluded.last_node,
                       next_run = COALESCE(excluded.next_run, s.next_run)""")) {
            upsert.setString(1, run.newsletter());
            setInstant(upsert, 2, run.scheduled());
            setInstant(upsert, 3, run.scheduled());
            setInstant(upsert, 4, run.started());
            upsert.setLong(5, run.duration().toMillis());
            upsert.setString(6, run.outcome().name());
            upsert.setString(7, run.message());
            upsert.setString(8, run.node());
            setInstant(upsert, 9, nextRun);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot record the run of " + run.newsletter(), e);
        }
    }

    @Override
    public void recordNext(String newsletter, Instant nextRun) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO newsbrief_schedule (newsletter, next_run) VALUES (?, ?) "
                     + "ON CONFLICT (newsletter) DO UPDATE SET next_run = excluded.next_run")) {
            upsert.setString(1, newsletter);
            setInstant(upsert, 2, nextRun);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot record the next run of " + newsletter, e);
        }
    }

    @Override
    public RunLock lock(String newsletter) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, RUN_LOCK);
                lock.setString(2, newsletter);
                lock.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return () -> {
                try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
                    unlock.setInt(1, RUN_LOCK);
                    unlock.setString(2, newsletter);
                    unlock.execute();
                } catch (SQLException e) {
                    throw failure("cannot release the run lock of " + newsletter, e);
                }
            };
        } catch (SQLException e) {
            throw failure("cannot take the run lock of " + newsletter, e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private ScheduleException failure(String what, SQLException e) {
        return new ScheduleException(what + " in " + url + ": " + e.getMessage(), e);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }
}
