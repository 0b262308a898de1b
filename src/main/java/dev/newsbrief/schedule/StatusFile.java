package dev.newsbrief.schedule;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The local schedule's state: {@code schedule-status.json} in the state folder, replaced
 * atomically (written beside, forced to disk, renamed over), read-modified-written under a lock
 * file so that a {@code --once} run and a running scheduler do not lose each other's records.
 */
final class StatusFile implements StatusStore {
    static final String FILE_NAME = "schedule-status.json";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The file as written. */
    record FileContent(Map<String, Entry> newsletters) { }

    record Entry(Instant lastHandled, LastRun lastRun, Instant nextRun) { }

    record LastRun(Instant scheduled, Instant started, long durationMillis, RunRecord.Outcome outcome, String message, String node) { }

    private final Path folder;
    private final Path file;
    /** In-process guards: a JVM cannot hold two file locks on one file (OverlappingFileLockException). */
    private final ReentrantLock writing = new ReentrantLock();
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    StatusFile(Path folder, boolean create) {
        this.folder = folder;
        this.file = folder.resolve(FILE_NAME);
        if (create) {
            try {
                Files.createDirectories(folder.resolve("locks"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the schedule's state folder " + folder + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Map<String, NewsletterStatus> read() {
        Map<String, NewsletterStatus> statuses = new LinkedHashMap<>();
        content().newsletters().forEach((name, entry) -> statuses.put(name, status(name, entry)));
        return statuses;
    }

    @Override
    public void recordRun(RunRecord run, Instant nextRun) {
        update(run.newsletter(), entry -> {
            Instant handled = entry.lastHandled() == null || run.scheduled().isAfter(entry.lastHandled()) ? run.scheduled() : entry.lastHandled();
            return new Entry(handled, new LastRun(run.scheduled(), run.started(), run.duration().toMillis(), run.outcome(),
                    run.message(), run.node()), nextRun);
        });
    }

    @Override
    public void recordNext(String newsletter, Instant nextRun) {
        update(newsletter, entry -> new Entry(entry.lastHandled(), entry.lastRun(), nextRun));
    }

    @Override
    public RunLock lock(String newsletter) {
        ReentrantLock inProcess = running.computeIfAbsent(newsletter, name -> new ReentrantLock());
        inProcess.lock();
        try {
            FileChannel channel = FileChannel.open(folder.resolve("locks").resolve(newsletter + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lock(channel);
            return () -> {
                try (channel) {
                    lock.release();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    inProcess.unlock();
                }
            };
        } catch (IOException e) {
            inProcess.unlock();
            throw new UncheckedIOException("cannot lock " + newsletter + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // Nothing held between calls.
    }

    /**
     * Waits for the file lock. Another process blocks in {@code lock()}; another status file on
     * the same folder in this JVM makes it throw {@link OverlappingFileLockException} (file locks
     * belong to the JVM), so that case waits by polling rather than by a JVM-wide registry.
     */
    private static FileLock lock(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while waiting for " + channel);
                }
            }
        }
    }

    @SuppressWarnings("try") // the lock is held, not used
    private void update(String newsletter, UnaryOperator<Entry> change) {
        writing.lock();
        try (FileChannel lockFile = FileChannel.open(folder.resolve("locks").resolve(FILE_NAME + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lock(lockFile)) {
            Map<String, Entry> entries = new TreeMap<>(content().newsletters());
            entries.put(newsletter, change.apply(entries.getOrDefault(newsletter, new Entry(null, null, null))));
            write(new FileContent(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the schedule's status in " + file + ": " + e.getMessage(), e);
        } finally {
            writing.unlock();
        }
    }

    private void write(FileContent content) throws IOException {
        Path temporary = folder.resolve(FILE_NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(content)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // The rename itself survives a power cut only once the folder is on disk too.
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a folder as a channel; the rename is still atomic.
        }
    }

    private FileContent content() {
        if (!Files.isRegularFile(file)) {
            return new FileContent(Map.of());
        }
        try {
            FileContent content = JSON.readValue(file.toFile(), FileContent.class);
            return content == null || content.newsletters() == null ? new FileContent(Map.of()) : content;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new InvalidInputException(file.toString(), where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr(),
                    "", "not a schedule status file (" + e.getOriginalMessage() + "); delete it to start afresh: each newsletter's "
                    + "latest past fire time then runs once");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static NewsletterStatus status(String name, Entry entry) {
        LastRun last = entry.lastRun();
        RunRecord run = last == null ? null : new RunRecord(name, last.scheduled(), last.started(),
                Duration.ofMillis(last.durationMillis()), last.outcome(), last.message(), last.node());
        return new NewsletterStatus(name, entry.lastHandled(), run, entry.nextRun());
    }
}
