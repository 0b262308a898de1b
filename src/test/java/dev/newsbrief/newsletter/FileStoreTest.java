package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
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
            assertThatThrownBy(() -> store.openEdition(NAME, editions -> Optional.of(edition(1, "a").withSealed())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsealed");
            assertThatThrownBy(() -> store.openEdition(NAME, editions -> Optional.of(
                    new Edition("evening", 1, Instant.parse("2025-08-01T03:00:00Z"), List.of("a"), false))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("of that newsletter");
            assertThat(store.editions(NAME)).isEmpty();
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

    @Test
    void editionNumbersStartAtOne() {
        try (FileStore store = new FileStore(dir)) {
            assertThatThrownBy(() -> store.record(NAME, 0, "en", "ani@example.org", DeliveryState.SENT, ""))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("edition numbers start at 1: 0");
            assertThatThrownBy(() -> store.deliveries(NAME, 0, "en")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A crash during the very first append leaves a log with no whole line: nothing is recorded yet. */
    @Test
    void aLogHoldingOnlyATornLineReadsAsEmpty() throws Exception {
        try (FileStore store = new FileStore(dir)) {
            Path log = store.deliveriesLog(NAME, 1);
            Files.createDirectories(log.getParent());
            Files.writeString(log, "{\"language\":\"en\",\"addr");
            assertThat(store.deliveries(NAME, 1, "en")).isEmpty();

            store.record(NAME, 1, "en", "ani@example.org", DeliveryState.SENT, "250 OK");
            assertThat(store.deliveries(NAME, 1, "en")).containsOnly(Map.entry("ani@example.org", DeliveryState.SENT));
            assertThat(Files.readAllLines(log)).hasSize(1);
        }
    }

    @Test
    void aMissingDetailIsWrittenAsEmpty() throws Exception {
        try (FileStore store = new FileStore(dir)) {
            store.record(NAME, 1, "en", "ani@example.org", DeliveryState.IN_DOUBT, null);
            JsonNode line = new ObjectMapper().readTree(Files.readString(store.deliveriesLog(NAME, 1)));
            assertThat(line.get("detail").isTextual()).isTrue();
            assertThat(line.get("detail").asText()).isEmpty();
        }
    }

    @Test
    void aClosedStoreRefusesWorkInEveryThread() throws Exception {
        FileStore store = new FileStore(dir);
        store.record(NAME, 1, "en", "ani@example.org", DeliveryState.SENT, "250 OK");
        store.close();
        assertThatThrownBy(() -> store.deliveries(NAME, 1, "en")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the store is closed");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // Another thread gets the same answer, not a wait on a lock close() kept.
            Future<?> attempt = other.submit(() -> store.editions(NAME));
            assertThatThrownBy(() -> attempt.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        } finally {
            other.shutdownNow();
        }
    }

    /** Linux only (/proc): the store keeps one open lock file per newsletter, and closing it closes them. */
    @Test
    void theStoreHoldsOneLockFilePerNewsletterUntilClosed() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd");
        FileStore store = new FileStore(dir);
        try {
            for (int i = 0; i < 3; i++) {
                store.record(NAME, 1, "en", "ani@example.org", DeliveryState.SENT, "250 OK");
                store.editions("evening");
            }
            assertThat(openLockFiles()).containsExactlyInAnyOrder(dir.resolve(NAME).resolve("lock"),
                    dir.resolve("evening").resolve("lock"));
        } finally {
            store.close();
        }
        assertThat(openLockFiles()).isEmpty();
    }

    /** The lock files under {@code dir} this process has open. */
    private List<Path> openLockFiles() throws IOException {
        Path real = dir.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd);
                } catch (IOException e) {
                    return null; // closed since the listing
                }
            }).filter(target -> target != null && target.startsWith(real) && target.endsWith("lock"))
                    .map(target -> dir.resolve(real.relativize(target))).toList();
        }
    }

    /** An interrupt while taking the OS lock closes the lock file's channel; the next call opens it again. */
    @Test
    void anInterruptedCallLeavesTheStoreUsable() {
        try (FileStore store = new FileStore(dir)) {
            store.record(NAME, 1, "en", "ani@example.org", DeliveryState.SENT, "250 OK");
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> store.editions(NAME)).isInstanceOf(UncheckedIOException.class);
            } finally {
                Thread.interrupted();
            }
            assertThat(store.deliveries(NAME, 1, "en")).containsOnly(Map.entry("ani@example.org", DeliveryState.SENT));
        }
    }

    /** Waiting for another store of this JVM to let go of the lock ends at an interrupt, which stays set. */
    @Test
    void anInterruptEndsTheWaitForAnotherStoresLock() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (FileStore first = new FileStore(dir); FileStore second = new FileStore(dir)) {
            Future<Optional<Edition>> holder = threads.submit(() -> first.openEdition(NAME, editions -> {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> waiter = threads.submit(() -> {
                Thread.currentThread().interrupt();
                try {
                    second.editions(NAME);
                    return "got the lock";
                } catch (UncheckedIOException e) {
                    return e.getMessage() + (Thread.currentThread().isInterrupted() ? " (still interrupted)" : "");
                }
            });
            // The first store still holds the lock: the answer must come from the interrupt, not from the lock.
            assertThat(waiter.get(10, TimeUnit.SECONDS)).contains("interrupted while waiting for the newsletter state lock")
                    .endsWith("(still interrupted)");
            release.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isEmpty();
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }
}
