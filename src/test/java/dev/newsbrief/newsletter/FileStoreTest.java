package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file store keeps editions and delivery records across crashes, threads and processes' restarts. */
class FileStoreTest {
    private static final String NAME = "morning";

    @TempDir
    Path dir;

    private static Edition edition(int number, String story) {
        return new Edition(NAME, number, Instant.parse("2025-08-0" + number + "T03:00:00Z"), List.of(story), false);
    }

    /** Proposes the next edition after a pause, counting how often it was asked. */
    private static Function<List<Edition>, Optional<Edition>> slowNext(AtomicInteger asked, String story) {
        return editions -> {
            asked.incrementAndGet();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(edition(editions.size() + 1, story));
        };
    }

    @Test
    void twoThreadsOpeningAtOnceGetTheSameEdition() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        // Two stores on one folder, as two processes would have: only the OS lock keeps them apart.
        // Two threads of their own: the common pool may have a single one on a 2-core machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (FileStore first = new FileStore(dir); FileStore second = new FileStore(dir)) {
            Future<Optional<Edition>> a = threads.submit(() -> {
                go.await();
                return first.openEdition(NAME, slowNext(asked, "from-a"));
            });
            Future<Optional<Edition>> b = threads.submit(() -> {
                go.await();
                return second.openEdition(NAME, slowNext(asked, "from-b"));
            });
            go.countDown();
            assertThat(a.get()).isPresent().isEqualTo(b.get());
            assertThat(asked).hasValue(1);
            assertThat(first.editions(NAME)).containsExactly(a.get().orElseThrow());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoThreadsOnOneStoreGetTheSameEdition() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (FileStore store = new FileStore(dir)) {
            List<Future<Optional<Edition>>> results = new java.util.ArrayList<>();
            for (String story : List.of("from-a", "from-b")) {
                results.add(threads.submit(() -> {
                    go.await();
                    return store.openEdition(NAME, slowNext(asked, story));
                }));
            }
            go.countDown();
            assertThat(results.get(0).get()).isPresent().isEqualTo(results.get(1).get());
            assertThat(asked).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anOpenEditionIsReturnedUntilSealedThenTheNextIsProposed() {
        try (FileStore store = new FileStore(dir)) {
            assertThat(store.openEdition(NAME, editions -> Optional.empty())).isEmpty();
            assertThat(store.editions(NAME)).isEmpty();

            Edition first = store.openEdition(NAME, editions -> Optional.of(edition(1, "a"))).orElseThrow();
            assertThat(store.openEdition(NAME, editions -> Optional.of(edition(2, "b")))).contains(first);

            store.seal(NAME, 1);
            AtomicInteger sawEditions = new AtomicInteger(-1);
            Edition second = store.openEdition(NAME, editions -> {
                sawEditions.set(editions.size());
                assertThat(editions.getFirst().sealed()).isTrue();
                return Optional.of(edition(2, "b"));
            }).orElseThrow();
            assertThat(sawEditions).hasValue(1);
            assertThat(store.editions(NAME)).containsExactly(first.withSealed(), second);
            assertThatThrownBy(() -> store.openEdition("morning-2", e -> Optional.of(edition(1, "x"))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aProposedEditionMustBeTheNextNumber() {
        try (FileStore store = new FileStore(dir)) {
            assertThatThrownBy(() -> store.openEdition(NAME, editions -> Optional.of(edition(2, "a"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be number 1");
            assertThatThrownBy(() -> store.seal(NAME, 7)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theLastStateOfAnAddressWins() {
        try (FileStore store = new FileStore(dir)) {
            store.record(NAME, 1, "en", "ani@example.org", DeliveryState.IN_DOUBT, "");
            store.record(NAME, 1, "en", "ani@example.org", DeliveryState.DEFERRED, "451 try later");
            store.record(NAME, 1, "ru", "ani@example.org", DeliveryState.FAILED, "550 no");
            store.record(NAME, 1, "en", "lee@example.com", DeliveryState.IN_DOUBT, "");
            store.record(NAME, 1, "en", "ani@example.org", DeliveryState.IN_DOUBT, "");
            store.record(NAME, 1, "en", "ani@example.org", DeliveryState.SENT, "250 OK\nqueued");
            store.record(NAME, 2, "en", "ani@example.org", DeliveryState.DEFERRED, "");

            assertThat(store.deliveries(NAME, 1, "en")).containsOnly(Map.entry("ani@example.org", DeliveryState.SENT),
                    Map.entry("lee@example.com", DeliveryState.IN_DOUBT));
            assertThat(store.deliveries(NAME, 1, "ru")).containsOnly(Map.entry("ani@example.org", DeliveryState.FAILED));
            assertThat(store.deliveries(NAME, 2, "en")).containsOnly(Map.entry("ani@example.org", DeliveryState.DEFERRED));
            assertThat(store.deliveries(NAME, 3, "en")).isEmpty();
        }
    }

    @Test
    void aTornLastLineIsIgnoredAndCutBeforeTheNextRecord() throws Exception {
        Path log;
        try (FileStore store = new FileStore(dir)) {
            store.record(NAME, 1, "en", "ani@example.org", DeliveryState.SENT, "250 OK");
            store.record(NAME, 1, "en", "lee@example.com", DeliveryState.IN_DOUBT, "");
            log = store.deliveriesLog(NAME, 1);
        }
        // A crash in the middle of writing "lee@example.com is SENT".
        Files.writeString(log, "{\"language\":\"en\",\"address\":\"lee@example.com\",\"state\":\"SE", StandardOpenOption.APPEND);
        try (FileStore store = new FileStore(dir)) {
            assertThat(store.deliveries(NAME, 1, "en")).containsOnly(Map.entry("ani@example.org", DeliveryState.SENT),
                    Map.entry("lee@example.com", DeliveryState.IN_DOUBT));
            store.record(NAME, 1, "en", "ole@example.net", DeliveryState.SENT, "250 OK");
            assertThat(store.deliveries(NAME, 1, "en")).containsOnly(Map.entry("ani@example.org", DeliveryState.SENT),
                    Map.entry("lee@example.com", DeliveryState.IN_DOUBT), Map.entry("ole@example.net", DeliveryState.SENT));
        }
        assertThat(Files.readAllLines(log, StandardCharsets.UTF_8)).hasSize(3).allMatch(line -> line.endsWith("}"));
    }

    @Test
    void aDamagedLineInTheMiddleIsReportedWithItsLine() throws Exception {
        try (FileStore store = new FileStore(dir)) {
            store.record(NAME, 1, "en", "ani@example.org", DeliveryState.SENT, "250 OK");
            Files.writeString(store.deliveriesLog(NAME, 1), "garbage\n", StandardOpenOption.APPEND);
            store.record(NAME, 1, "en", "lee@example.com", DeliveryState.SENT, "250 OK");
            assertThatThrownBy(() -> store.deliveries(NAME, 1, "en")).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("1.log:2: the delivery record is damaged");
        }
    }

    @Test
    void everythingSurvivesReopening() {
        Edition first = edition(1, "a");
        try (FileStore store = new FileStore(dir)) {
            store.openEdition(NAME, editions -> Optional.of(first));
            store.seal(NAME, 1);
            store.openEdition(NAME, editions -> Optional.of(edition(2, "b")));
            store.record(NAME, 2, "hy", "ani@example.org", DeliveryState.SENT, "250 OK");
        }
        try (FileStore store = new FileStore(dir)) {
            assertThat(store.editions(NAME)).containsExactly(first.withSealed(), edition(2, "b"));
            assertThat(store.openEdition(NAME, editions -> Optional.of(edition(3, "c")))).contains(edition(2, "b"));
            assertThat(store.deliveries(NAME, 2, "hy")).containsOnly(Map.entry("ani@example.org", DeliveryState.SENT));
        }
        assertThat(dir.resolve(NAME).resolve("editions.json.tmp")).doesNotExist();
    }

    @Test
    void aNameThatIsNotANewsletterNameCannotEscapeTheFolder() {
        try (FileStore store = new FileStore(dir)) {
            assertThatThrownBy(() -> store.editions("../elsewhere")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
