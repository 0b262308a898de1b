package dev.newsbrief.schedule;

import dev.newsbrief.model.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the schedule keeps its state, and how its Quartz scheduler runs. Start from
 * {@link #local(Path)} or {@link #jdbc(String, String, String)} and change what you need.
 *
 * @param stateFolder            local mode: the folder of the status file ({@code schedule-status.json}) and run locks; null in JDBC mode
 * @param jdbcUrl                JDBC mode: {@code jdbc:postgresql://host:5432/database} (a {@code currentSchema} parameter picks the schema); null in local mode
 * @param user                   the database user (the CLI reads {@code NEWSBRIEF_DB_USER})
 * @param password               the database password (the CLI reads {@code NEWSBRIEF_DB_PASSWORD}); never printed
 * @param clusterCheckinInterval how often a node tells the others it is alive; a node silent for this
 *                               plus 7.5 s is taken for dead and its job recovered; default 7.5 s (Quartz's)
 * @param misfireThreshold       a fire later than this counts as missed: it becomes one catch-up run; default 60 s
 * @param threads                builds that may run at once (of different newsletters); default 4
 * @param schedulerName          the cluster's name: nodes with the same name on one database share one schedule; default {@code newsbrief}
 */
public record ScheduleOptions(Path stateFolder, String jdbcUrl, String user, String password,
                              Duration clusterCheckinInterval, Duration misfireThreshold, int threads, String schedulerName) {

    public ScheduleOptions {
        if ((stateFolder == null) == (jdbcUrl == null)) {
            throw new IllegalArgumentException("give either a state folder (local mode) or a JDBC URL (clustered mode)");
        }
        Objects.requireNonNull(clusterCheckinInterval, "The parameter 'clusterCheckinInterval' must not be null");
        Objects.requireNonNull(misfireThreshold, "The parameter 'misfireThreshold' must not be null");
        Objects.requireNonNull(schedulerName, "The parameter 'schedulerName' must not be null");
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new InvalidInputException("--store", 0, 0, "", "'" + InvalidInputException.escape(jdbcUrl)
                    + "' is not a PostgreSQL JDBC URL; write jdbc:postgresql://host:5432/database");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("The parameter 'threads' must be at least 1: " + threads);
        }
        if (clusterCheckinInterval.toMillis() < 100 || misfireThreshold.toMillis() < 1) {
            throw new IllegalArgumentException("check-in interval at least 100 ms, misfire threshold at least 1 ms");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** One process, state in {@code stateFolder} (created if missing). */
    public static ScheduleOptions local(Path stateFolder) {
        Objects.requireNonNull(stateFolder, "The parameter 'stateFolder' must not be null");
        return new ScheduleOptions(stateFolder, null, null, null, Duration.ofMillis(7500), Duration.ofSeconds(60), 4, "newsbrief");
    }

    /** Any number of nodes sharing one schedule in a PostgreSQL database. */
    public static ScheduleOptions jdbc(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "The parameter 'jdbcUrl' must not be null");
        return new ScheduleOptions(null, jdbcUrl, user, password, Duration.ofMillis(7500), Duration.ofSeconds(60), 4, "newsbrief");
    }

    public boolean clustered() {
        return jdbcUrl != null;
    }

    public ScheduleOptions withClusterCheckinInterval(Duration value) {
        return new ScheduleOptions(stateFolder, jdbcUrl, user, password, value, misfireThreshold, threads, schedulerName);
    }

    public ScheduleOptions withMisfireThreshold(Duration value) {
        return new ScheduleOptions(stateFolder, jdbcUrl, user, password, clusterCheckinInterval, value, threads, schedulerName);
    }

    public ScheduleOptions withThreads(int value) {
        return new ScheduleOptions(stateFolder, jdbcUrl, user, password, clusterCheckinInterval, misfireThreshold, value, schedulerName);
    }

    public ScheduleOptions withSchedulerName(String value) {
        return new ScheduleOptions(stateFolder, jdbcUrl, user, password, clusterCheckinInterval, misfireThreshold, threads, value);
    }

    /** Without the password. */
    @Override
    public String toString() {
        return clustered() ? "ScheduleOptions[jdbc " + jdbcUrl + " as " + user + ", scheduler " + schedulerName + "]"
                : "ScheduleOptions[local " + stateFolder + "]";
    }
}
