package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link NewsletterStore} contract on PostgreSQL (as {@code FileStore} keeps it on files):
 * one open edition at a time, atomic across connections, sealing, last state wins, every record
 * durable once the call returns. Each test has a schema of its own.
 */
public class JdbcStoreTest {
    private TestSchema schema;
    private JdbcStore store;

    @BeforeEach
    void openStore() {
        schema = TestSchema.create();
        store = JdbcStore.open(schema.url(), schema.user(), schema.password());
    }

    @AfterEach
    void dropSchema() {
        if (store != null) {
            store.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    private static Edition edition(int number, String... stories) {
        return new Edition("morning", number, Instant.parse("2025-08-08T02:00:00.123Z").plusSeconds(86_400L * number), List.of(stories), false);
    }

    @Test
    void theProposedEditionIsRecordedAndStaysOpenUntilSealed() {
        Optional<Edition> first = store.openEdition("morning", editions -> {
            assertThat(editions).isEmpty();
            return Optional.of(edition(1, "peace-treaty", "մայր-տաճար", "сводка"));
        });
        assertThat(first).contains(edition(1, "peace-treaty", "մայր-տաճար", "сводка"));
        assertThat(store.editions("morning")).containsExactly(edition(1, "peace-treaty", "մայր-տաճար", "сводка"));

        AtomicInteger asked = new AtomicInteger();
        Optional<Edition> again = store.openEdition("morning", editions -> {
            asked.incrementAndGet();
            return Optional.of(edition(2, "other"));
        });
        assertThat(again).as("the open edition, not a new one").contains(edition(1, "peace-treaty", "մայր-տաճար", "сводка"));
        assertThat(asked).as("no proposal asked while one is open").hasValue(0);

        store.seal("morning", 1);
        List<List<Edition>> seen = new ArrayList<>();
        Optional<Edition> second = store.openEdition("morning", editions -> {
            seen.add(editions);
            return Optional.of(edition(editions.size() + 1, "next-story"));
        });
        assertThat(seen).containsExactly(List.of(edition(1, "peace-treaty", "մայր-տաճար", "сводка").withSealed()));
        assertThat(second).contains(edition(2, "next-story"));
        assertThat(store.editions("morning")).extracting(Edition::number, Edition::sealed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, false));
        assertThat(store.editions("evening")).as("newsletters are apart").isEmpty();
    }

    @Test
    void nothingIsRecordedWhenNothingNewIsProposed() {
        assertThat(store.openEdition("morning", editions -> Optional.empty())).isEmpty();
        assertThat(store.editions("morning")).isEmpty();
    }

    /** Eight threads, each on its own connection pool, open an edition at once: all get the same one, and one is recorded. */
    @Test
    void openingIsAtomicAcrossConnections() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<JdbcStore> stores = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                stores.add(JdbcStore.open(schema.url(), schema.user(), schema.password()));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<Edition>>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                JdbcStore mine = stores.get(i);
                String story = "story-of-caller-" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return mine.openEdition("morning", editions -> {
                        sleep(50); // widen the window a missing lock would leave open
                        return Optional.of(edition(editions.size() + 1, story));
                    });
                }));
            }
            go.countDown();
            List<Edition> opened = new ArrayList<>();
            for (Future<Optional<Edition>> result : results) {
                opened.add(result.get(60, TimeUnit.SECONDS).orElseThrow());
            }
            assertThat(opened).hasSize(callers).containsOnly(opened.getFirst());
            assertThat(store.editions("morning")).containsExactly(opened.getFirst());
        } finally {
            pool.shutdownNow();
            stores.forEach(JdbcStore::close);
        }
    }

    @Test
    void theLastRecordedStateWinsPerAddressAndLanguage() {
        store.openEdition("morning", editions -> Optional.of(edition(1, "a")));
        store.record("morning", 1, "hy", "anna@example.org", DeliveryState.IN_DOUBT, "");
        store.record("morning", 1, "hy", "anna@example.org", DeliveryState.SENT, "250 2.0.0 OK");
        store.record("morning", 1, "hy", "boris@example.org", DeliveryState.DEFERRED, "421 try later");
        store.record("morning", 1, "hy", "boris@example.org", DeliveryState.FAILED, "550 no such user");
        store.record("morning", 1, "ru", "anna@example.org", DeliveryState.IN_DOUBT, null);

        assertThat(store.deliveries("morning", 1, "hy")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "anna@example.org", DeliveryState.SENT, "boris@example.org", DeliveryState.FAILED));
        assertThat(store.deliveries("morning", 1, "ru")).containsExactlyEntriesOf(Map.of("anna@example.org", DeliveryState.IN_DOUBT));
        assertThat(store.deliveries("morning", 1, "az")).as("never tried: absent").isEmpty();
        assertThat(store.deliveries("morning", 2, "hy")).isEmpty();
    }

    /** What one store recorded, another store (a new process, in effect) reads: every call committed. */
    @Test
    void recordsAreDurableOnceTheCallReturns() {
        store.openEdition("morning", editions -> Optional.of(edition(1, "a", "b")));
        store.record("morning", 1, "az", "aysel@example.org", DeliveryState.SENT, "250 OK");
        store.seal("morning", 1);
        try (JdbcStore other = JdbcStore.open(schema.url(), schema.user(), schema.password())) {
            assertThat(other.editions("morning")).containsExactly(edition(1, "a", "b").withSealed());
            assertThat(other.deliveries("morning", 1, "az")).containsExactlyEntriesOf(Map.of("aysel@example.org", DeliveryState.SENT));
        }
    }

    /** As in FileStore: numbers follow on, a new edition starts open, and it is the newsletter's own; a refused proposal records nothing. */
    @Test
    void aProposedEditionMustBeTheNextNumberUnsealedOfThatNewsletter() {
        assertThatThrownBy(() -> store.openEdition("morning", editions -> Optional.of(edition(2, "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the next edition of 'morning' must be number 1, unsealed");
        assertThatThrownBy(() -> store.openEdition("morning", editions -> Optional.of(edition(1, "a").withSealed())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.openEdition("evening", editions -> Optional.of(edition(1, "a"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.editions("morning")).isEmpty();
        assertThat(store.editions("evening")).isEmpty();
    }

    @Test
    void sealingAnEditionThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> store.seal("morning", 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("newsletter 'morning' has no edition 7 to seal");
    }

    @Test
    void aDatabaseThatRefusesTheUserIsOneLineNamingIt() {
        assertThatThrownBy(() -> JdbcStore.open(schema.url(), schema.user(), "not-the-password"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot connect to " + schema.url() + " as '" + schema.user() + "': ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("not-the-password");
    }

    /** A store given a missing schema fails with one message naming what failed, and leaves no connection open behind it. */
    @Test
    void aStoreThatCannotCreateItsTablesClosesItsPool() throws Exception {
        String application = "newsbrief-test-" + schema.name();
        String missing = schema.baseUrl() + "?currentSchema=" + schema.name() + "_missing&ApplicationName=" + application;
        assertThatThrownBy(() -> JdbcStore.open(missing, schema.user(), schema.password()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot create the newsletter tables: ");
        assertThat(awaitConnections(application, 0)).as("connections left open by the failed store").isZero();
    }

    @Test
    void closingTheStoreClosesTheConnectionsItOpened() throws Exception {
        String application = "newsbrief-test-" + schema.name();
        JdbcStore own = JdbcStore.open(schema.url() + "&ApplicationName=" + application, schema.user(), schema.password());
        try {
            own.editions("morning");
            assertThat(connections(application)).as("the store's pool is connected").isPositive();
        } finally {
            own.close();
        }
        assertThat(awaitConnections(application, 0)).as("connections left open after close()").isZero();
    }

    /** A data source handed in belongs to the caller: closing the store leaves it open and usable. */
    @Test
    void closingTheStoreLeavesADataSourceItWasGivenOpen() throws Exception {
        try (HikariDataSource pool = JdbcStore.pool(schema.url(), schema.user(), schema.password(), 2, "newsbrief-test-given")) {
            JdbcStore given = new JdbcStore(pool);
            given.openEdition("morning", editions -> Optional.of(edition(1, "a")));
            given.close();
            assertThat(pool.isClosed()).isFalse();
            assertThat(new JdbcStore(pool).editions("morning")).containsExactly(edition(1, "a"));
        }
    }

    /** The pool is sized and named as asked; it keeps one idle connection and gives up waiting for one after ten seconds. */
    @Test
    void aPoolIsSizedAndNamedAsAsked() {
        try (HikariDataSource pool = JdbcStore.pool(schema.url(), schema.user(), schema.password(), 3, "newsbrief-test-pool")) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getPoolName()).isEqualTo("newsbrief-test-pool");
            assertThat(pool.getMinimumIdle()).isEqualTo(1);
            assertThat(pool.getConnectionTimeout()).isEqualTo(10_000);
            assertThat(pool.getDriverClassName()).isEqualTo("org.postgresql.Driver");
        }
    }

    /** The pool is pinned to the PostgreSQL driver: another database's address is refused in one line naming it. */
    @Test
    void anAddressOfAnotherDatabaseIsRefusedNamingThePostgresqlDriver() {
        String mysql = "jdbc:mysql://127.0.0.1:3306/newsbrief";
        assertThatThrownBy(() -> JdbcStore.open(mysql, "newsbrief", "secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot connect to " + mysql + " as 'newsbrief': ")
                .hasMessageContaining("org.postgresql.Driver")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("secret");
    }

    /** No user given (NEWSBRIEF_DB_USER unset): the message shows an empty user, not the word null. */
    @Test
    void aMissingUserIsShownAsEmpty() {
        assertThatThrownBy(() -> JdbcStore.open(schema.url(), null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot connect to " + schema.url() + " as '': ");
    }

    /** Tables made by an administrator serve a user who may not create tables in the schema. */
    @Test
    void existingTablesNeedNoRightToCreateTables() throws Exception {
        store.openEdition("morning", editions -> Optional.of(edition(1, "a")));
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement()) {
            statement.execute("REVOKE CREATE ON SCHEMA " + schema.name() + " FROM CURRENT_USER");
        }
        try (JdbcStore other = JdbcStore.open(schema.url(), schema.user(), schema.password())) {
            assertThat(other.editions("morning")).containsExactly(edition(1, "a"));
        }
    }

    /**
     * A failed opening rolls its transaction back itself, so its edition lock is gone even when the
     * data source hands the same connection out again without resetting it (as a single-connection
     * data source does): another node can open the edition at once.
     */
    @Test
    void aFailedOpeningReleasesTheEditionLockOnAReusedConnection() throws Exception {
        try (Connection shared = schema.connect()) {
            int pid;
            try (Statement statement = shared.createStatement(); ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                pid = row.getInt(1);
            }
            JdbcStore reusing = new JdbcStore(new SingleConnectionDataSource(shared));
            assertThatThrownBy(() -> reusing.openEdition("morning", editions -> {
                throw new IllegalStateException("no stories today");
            })).hasMessage("no stories today");

            try (Connection observer = schema.connect();
                 PreparedStatement locks = observer.prepareStatement(
                         "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = ?")) {
                locks.setInt(1, pid);
                try (ResultSet count = locks.executeQuery()) {
                    count.next();
                    assertThat(count.getInt(1)).as("advisory locks still held by the failed opening").isZero();
                }
            }
            assertThat(store.openEdition("morning", editions -> Optional.of(edition(1, "a")))).contains(edition(1, "a"));
        }
    }

    /** Connections to the test database whose application name is {@code application}. */
    private int connections(String application) throws SQLException {
        try (Connection connection = schema.connect();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            query.setString(1, application);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Polls until {@code expected} connections remain (a server process ends a moment after its client leaves), at most 10 s. */
    private int awaitConnections(String application, int expected) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int count = connections(application);
        while (count != expected && System.nanoTime() < deadline) {
            sleep(20);
            count = connections(application);
        }
        return count;
    }

    /** Hands out one connection again and again; closing what it handed out does nothing (no reset, no rollback). */
    private record SingleConnectionDataSource(Connection connection) implements DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) { }

        @Override
        public void setLoginTimeout(int seconds) { }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A schema of its own on the test PostgreSQL ({@code NEWSBRIEF_TEST_JDBC_URL}, default
     * {@code jdbc:postgresql://127.0.0.1:5432/newsbrief_test}; {@code NEWSBRIEF_TEST_DB_USER} and
     * {@code NEWSBRIEF_TEST_DB_PASSWORD}, default newsbrief/newsbrief), dropped on close. Without
     * a reachable database the test is skipped, unless {@code NEWSBRIEF_REQUIRE_POSTGRES} is set
     * (as in CI): then it fails.
     */
    public record TestSchema(String url, String user, String password, String baseUrl, String name) implements AutoCloseable {

        public static TestSchema create() {
            String base = env("NEWSBRIEF_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/newsbrief_test");
            String user = env("NEWSBRIEF_TEST_DB_USER", "newsbrief");
            String password = env("NEWSBRIEF_TEST_DB_PASSWORD", "newsbrief");
            String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            try (Connection connection = connect(base, user, password); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + name);
            } catch (SQLException e) {
                String problem = "no PostgreSQL at " + base + " as " + user + ": " + e.getMessage();
                if (System.getenv("NEWSBRIEF_REQUIRE_POSTGRES") != null) {
                    throw new AssertionError(problem + " (NEWSBRIEF_REQUIRE_POSTGRES is set)", e);
                }
                Assumptions.assumeTrue(false, problem);
            }
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
            return new TestSchema(url, user, password, base, name);
        }

        public Connection connect() throws SQLException {
            return connect(url, user, password);
        }

        private static Connection connect(String url, String user, String password) throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("connectTimeout", "5");
            return DriverManager.getConnection(url, properties);
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        @Override
        public void close() {
            try (Connection connection = connect(baseUrl, user, password); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop the test schema " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
