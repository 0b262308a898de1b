package dev.newsbrief.schedule;

import dev.newsbrief.newsletter.JdbcStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.quartz.impl.jdbcjobstore.JobStoreTX;

/**
 * The tables clustered schedulers need: Quartz's own, from the script in the quartz jar
 * ({@code org/quartz/impl/jdbcjobstore/tables_postgres.sql}), and newsbrief's run status table.
 * Created only when missing, under newsbrief's schema advisory lock, so nodes starting at once
 * do not race; Quartz's script is run without its {@code DROP TABLE}s and never over existing tables.
 */
final class PostgresSchema {
    /** Quartz's tables (lower-case: the script's names are unquoted). */
    static final List<String> QUARTZ_TABLES = List.of("qrtz_job_details", "qrtz_triggers", "qrtz_simple_triggers",
            "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_calendars", "qrtz_paused_trigger_grps",
            "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks");
    static final String STATUS_TABLE = "newsbrief_schedule";
    private static final String STATUS_DDL = """
            CREATE TABLE IF NOT EXISTS newsbrief_schedule (
              newsletter       text PRIMARY KEY,
              last_handled     timestamptz,
              last_scheduled   timestamptz,
              last_started     timestamptz,
              last_duration_ms bigint,
              last_outcome     text,
              last_message     text,
              last_node        text,
              next_run         timestamptz)""";

    private PostgresSchema() { }

    /** Creates what is missing; fails if only some of Quartz's tables exist (a damaged schema is not overwritten). */
    static void ensure(DataSource dataSource, String url) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + JdbcStore.SCHEMA_LOCK + ")");
            try {
                List<String> present = new ArrayList<>();
                for (String table : QUARTZ_TABLES) {
                    if (JdbcStore.exists(connection, table)) {
                        present.add(table);
                    }
                }
                if (present.isEmpty()) {
                    applyQuartzScript(connection);
                } else if (present.size() < QUARTZ_TABLES.size()) {
                    List<String> missing = new ArrayList<>(QUARTZ_TABLES);
                    missing.removeAll(present);
                    throw new ScheduleException("the database " + url + " has some of Quartz's tables but not " + missing
                            + "; newsbrief does not overwrite them: restore the missing ones, or drop every qrtz_ table "
                            + "(the schedule's state) and start again");
                }
                if (!JdbcStore.exists(connection, STATUS_TABLE)) {
                    statement.execute(STATUS_DDL);
                }
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + JdbcStore.SCHEMA_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new ScheduleException("cannot prepare the schedule's tables in " + url + ": " + e.getMessage(), e);
        }
    }

    /** Runs Quartz's script in one transaction (PostgreSQL's DDL is transactional: all tables or none). */
    private static void applyQuartzScript(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : quartzStatements()) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The script's statements without comments, DROPs and its closing COMMIT. */
    static List<String> quartzStatements() {
        String script;
        try (InputStream in = JobStoreTX.class.getResourceAsStream("tables_postgres.sql")) {
            if (in == null) {
                throw new ScheduleException("the quartz jar has no org/quartz/impl/jdbcjobstore/tables_postgres.sql");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";")) {
            String sql = statement.strip();
            String head = sql.toUpperCase(Locale.ROOT);
            if (!sql.isEmpty() && !head.startsWith("DROP ") && !head.equals("COMMIT")) {
                statements.add(sql);
            }
        }
        return statements;
    }
}
