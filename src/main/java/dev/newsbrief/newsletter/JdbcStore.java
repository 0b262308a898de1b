package dev.newsbrief.newsletter;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The newsletter store in PostgreSQL, shared by clustered schedulers: two tables,
 * {@code newsbrief_edition} and {@code newsbrief_delivery}, created when missing (in the schema
 * the connection's {@code currentSchema} names). Every method is one transaction; a record is
 * durable once the method returns (commit). {@link #openEdition} holds a transaction-scoped
 * advisory lock per newsletter, so nodes and threads opening an edition at once get the same one.
 * Edition times are kept to the microsecond (PostgreSQL's {@code timestamptz}).
 * Database failures end as {@link IllegalStateException} with one line saying what failed.
 */
public final class JdbcStore implements NewsletterStore {
    /**
     * The advisory lock (one bigint key) newsbrief holds while it creates tables, so that nodes
     * starting at once do not race; the scheduler's schema setup takes the same one.
     */
    public static final long SCHEMA_LOCK = 0x6e_65_77_73_62_72_66_01L;
    /** The first key of the two-key advisory lock per newsletter (the second: the name's hash). */
    private static final int EDITION_LOCK = 0x6e620002;

    private static final String[] TABLES = {
        """
        CREATE TABLE IF NOT EXISTS newsbrief_edition (
          newsletter text        NOT NULL,
          number     integer     NOT NULL CHECK (number >= 1),
          at         timestamptz NOT NULL,
          stories    text[]      NOT NULL,
          sealed     boolean     NOT NULL DEFAULT false,
          PRIMARY KEY (newsletter, number))""",
        """
        CREATE TABLE IF NOT EXISTS newsbrief_delivery (
          newsletter text        NOT NULL,
          number     integer     NOT NULL,
          language   text        NOT NULL,
          address    text        NOT NULL,
          state      text        NOT NULL CHECK (state IN ('IN_DOUBT', 'SENT', 'DEFERRED', 'FAILED')),
          detail     text        NOT NULL DEFAULT '',
          updated    timestamptz NOT NULL DEFAULT clock_timestamp(),
          PRIMARY KEY (newsletter, number, language, address))""",
    };

    private final DataSource dataSource;
    private final AutoCloseable owned;

    /** A store over {@code dataSource} (not closed by {@link #close()}); creates the tables if missing. */
    public JdbcStore(DataSource dataSource) {
        this(dataSource, null);
    }

    private JdbcStore(DataSource dataSource, AutoCloseable owned) {
        this.dataSource = Objects.requireNonNull(dataSource, "The parameter 'dataSource' must not be null");
        this.owned = owned;
        createTables();
    }

    /**
     * A store with its own small HikariCP pool, closed by {@link #close()}.
     *
     * @param url      {@code jdbc:postgresql://host:5432/database}, optionally {@code ?currentSchema=name}
     * @param user     the database user (the CLI reads it from {@code NEWSBRIEF_DB_USER})
     * @param password the password (from {@code NEWSBRIEF_DB_PASSWORD})
     */
    public static JdbcStore open(String url, String user, String password) {
        HikariDataSource pool = pool(url, user, password, 4, "newsbrief-store");
        try {
            return new JdbcStore(pool, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** A HikariCP pool over PostgreSQL; fails at once (one line) if the database cannot be reached. */
    public static HikariDataSource pool(String url, String user, String password, int size, String name) {
        Objects.requireNonNull(url, "The parameter 'url' must not be null");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user == null ? "" : user);
        config.setPassword(password == null ? "" : password);
        config.setDriverClassName("org.postgresql.Driver");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setPoolName(name);
        config.setConnectionTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot connect to " + url + " as '" + config.getUsername() + "': " + cause.getMessage(), e);
        }
    }

    private void createTables() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
            try {
                // Checked first: CREATE ... IF NOT EXISTS still needs the CREATE right, which a
                // user given tables made by an administrator may lack.
                for (String table : List.of("newsbrief_edition", "newsbrief_delivery")) {
                    if (!exists(connection, table)) {
                        statement.execute(TABLES[table.equals("newsbrief_edition") ? 0 : 1]);
                    }
                }
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
            }
        } catch (SQLException e) {
            throw failure("cannot create the newsletter tables", e);
        }
    }

    /** True if {@code table} exists in the connection's current schema. */
    public static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public List<Edition> editions(String newsletter) {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
        try (Connection connection = dataSource.getConnection()) {
            return editions(connection, newsletter);
        } catch (SQLException e) {
            throw failure("cannot read the editions of " + newsletter, e);
        }
    }

    private static List<Edition> editions(Connection connection, String newsletter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT number, at, stories, sealed FROM newsbrief_edition WHERE newsletter = ? ORDER BY number")) {
            query.setString(1, newsletter);
            List<Edition> editions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Array stories = rows.getArray(3);
                    editions.add(new Edition(newsletter, rows.getInt(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            Arrays.asList((String[]) stories.getArray()), rows.getBoolean(4)));
                    stories.free();
                }
            }
            return editions;
        }
    }

    @Override
    public Optional<Edition> openEdition(String newsletter, Function<List<Edition>, Optional<Edition>> next) {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
        Objects.requireNonNull(next, "The parameter 'next' must not be null");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                    lock.setInt(1, EDITION_LOCK);
                    lock.setString(2, newsletter);
                    lock.execute();
                }
                List<Edition> editions = editions(connection, newsletter);
                Optional<Edition> open = editions.stream().filter(edition -> !edition.sealed()).reduce((first, second) -> second);
                if (open.isEmpty()) {
                    open = next.apply(List.copyOf(editions));
                    if (open.isPresent()) {
                        // The same rule as FileStore's: numbers follow on, and a new edition starts open.
                        Edition edition = open.get();
                        int expected = editions.isEmpty() ? 1 : editions.getLast().number() + 1;
                        if (!edition.newsletter().equals(newsletter) || edition.number() != expected || edition.sealed()) {
                            throw new IllegalArgumentException("the next edition of '" + newsletter + "' must be number " + expected
                                    + ", unsealed, of that newsletter; proposed: " + edition);
                        }
                        insert(connection, newsletter, edition);
                    }
                }
                connection.commit();
                return open;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                // A pooled connection goes back as it came: later records and seals commit on their own.
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("cannot open an edition of " + newsletter, e);
        }
    }

    private static void insert(Connection connection, String newsletter, Edition edition) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO newsbrief_edition (newsletter, number, at, stories, sealed) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, newsletter);
            insert.setInt(2, edition.number());
            insert.setObject(3, OffsetDateTime.ofInstant(edition.at(), ZoneOffset.UTC));
            insert.setArray(4, connection.createArrayOf("text", edition.stories().toArray(String[]::new)));
            insert.setBoolean(5, edition.sealed());
            insert.executeUpdate();
        }
    }

    @Override
    public void seal(String newsletter, int number) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE newsbrief_edition SET sealed = true WHERE newsletter = ? AND number = ?")) {
            update.setString(1, newsletter);
            update.setInt(2, number);
            if (update.executeUpdate() == 0) {
                throw new IllegalArgumentException("newsletter '" + newsletter + "' has no edition " + number + " to seal");
            }
        } catch (SQLException e) {
            throw failure("cannot seal edition " + number + " of " + newsletter, e);
        }
    }

    @Override
    public Map<String, DeliveryState> deliveries(String newsletter, int number, String language) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT address, state FROM newsbrief_delivery "
                     + "WHERE newsletter = ? AND number = ? AND language = ? ORDER BY address")) {
            query.setString(1, newsletter);
            query.setInt(2, number);
            query.setString(3, language);
            Map<String, DeliveryState> states = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), DeliveryState.valueOf(rows.getString(2)));
                }
            }
            return states;
        } catch (SQLException e) {
            throw failure("cannot read the deliveries of edition " + number + " of " + newsletter, e);
        }
    }

    @Override
    public void record(String newsletter, int number, String language, String address, DeliveryState state, String detail) {
        Objects.requireNonNull(address, "The parameter 'address' must not be null");
        Objects.requireNonNull(state, "The parameter 'state' must not be null");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO newsbrief_delivery (newsletter, number, language, address, state, detail, updated)
                     VALUES (?, ?, ?, ?, ?, ?, clock_timestamp())
                     ON CONFLICT (newsletter, number, language, address)
                     DO UPDATE SET state = excluded.state, detail = excluded.detail, updated = excluded.updated""")) {
            upsert.setString(1, newsletter);
            upsert.setInt(2, number);
            upsert.setString(3, language);
            upsert.setString(4, address);
            upsert.setString(5, state.name());
            upsert.setString(6, detail == null ? "" : detail);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot record the delivery to " + address + " of edition " + number + " of " + newsletter, e);
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the newsletter store's connections: " + e.getMessage(), e);
            }
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        // PostgreSQL's messages carry detail lines ("Position: 28"): one error, one line.
        return new IllegalStateException(what + ": " + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", "; "), e);
    }
}
