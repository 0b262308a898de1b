package dev.newsbrief.schedule;

import dev.newsbrief.newsletter.DeliveryState;
import dev.newsbrief.newsletter.Edition;
import dev.newsbrief.newsletter.JdbcStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for build and send over {@link JdbcStore}, for {@link ClusterTest}: opens the
 * edition (the open one after a crash), and for each of {@code -Dnewsbrief.test.addresses}
 * subscribers not yet tried records IN_DOUBT, "sends" (appends a line to
 * {@code -Dnewsbrief.test.sent}), records SENT, and waits {@code -Dnewsbrief.test.perAddressMillis};
 * then seals. Writes {@code start}/{@code end <edition> <pid> <millis>} to {@code -Dnewsbrief.test.runs}.
 * Database credentials from {@code NEWSBRIEF_DB_USER}/{@code NEWSBRIEF_DB_PASSWORD}, as the nodes'.
 */
public final class DeliveringRunner implements EditionRunner {
    private final JdbcStore store = JdbcStore.open(System.getProperty("newsbrief.test.store"),
            System.getenv("NEWSBRIEF_DB_USER"), System.getenv("NEWSBRIEF_DB_PASSWORD"));
    private final Path sent = Path.of(System.getProperty("newsbrief.test.sent"));
    private final Path runs = Path.of(System.getProperty("newsbrief.test.runs"));
    private final int addresses = Integer.getInteger("newsbrief.test.addresses", 10);
    private final long perAddress = Long.getLong("newsbrief.test.perAddressMillis", 300);
    private final long pid = ProcessHandle.current().pid();

    static String address(int i) {
        return "reader" + i + "@example.org";
    }

    @Override
    public String run(Path newsletterFile, Instant scheduledAt) throws Exception {
        String name = newsletterFile.getFileName().toString().replace(".yaml", "");
        Edition edition = store.openEdition(name, editions -> Optional.of(
                new Edition(name, editions.size() + 1, scheduledAt, List.of("story-" + (editions.size() + 1)), false))).orElseThrow();
        append(runs, "start " + edition.number() + " " + pid + " " + System.currentTimeMillis());
        Map<String, DeliveryState> recorded = store.deliveries(name, edition.number(), "en");
        int sentNow = 0;
        for (int i = 1; i <= addresses; i++) {
            String address = address(i);
            if (recorded.containsKey(address)) {
                continue; // SENT, or IN_DOUBT (reported, never sent twice)
            }
            store.record(name, edition.number(), "en", address, DeliveryState.IN_DOUBT, "");
            append(sent, name + " " + edition.number() + " " + address + " " + pid);
            store.record(name, edition.number(), "en", address, DeliveryState.SENT, "250 OK");
            sentNow++;
            Thread.sleep(perAddress);
        }
        store.seal(name, edition.number());
        append(runs, "end " + edition.number() + " " + pid + " " + System.currentTimeMillis());
        return "edition " + edition.number() + ": " + sentNow + " sent";
    }

    private static void append(Path file, String line) throws IOException {
        // One short O_APPEND write per line: lines from several processes do not interleave.
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
