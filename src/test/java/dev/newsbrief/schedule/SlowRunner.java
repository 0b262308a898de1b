package dev.newsbrief.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A build that takes {@code -Dnewsbrief.test.sleepMillis} and leaves {@code started} and
 * {@code finished} marker files in {@code -Dnewsbrief.test.markers}.
 */
public final class SlowRunner implements EditionRunner {
    private final Path markers = Path.of(System.getProperty("newsbrief.test.markers"));
    private final long millis = Long.getLong("newsbrief.test.sleepMillis", 3000);

    @Override
    public String run(Path newsletterFile, Instant scheduledAt) throws Exception {
        Files.createDirectories(markers);
        Files.writeString(markers.resolve("started"), scheduledAt.toString());
        Thread.sleep(millis);
        Files.writeString(markers.resolve("finished"), scheduledAt.toString());
        return "slept " + millis + " ms";
    }
}
