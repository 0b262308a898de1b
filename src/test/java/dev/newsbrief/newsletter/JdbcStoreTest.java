package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
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
