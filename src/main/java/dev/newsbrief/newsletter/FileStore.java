package dev.newsbrief.newsletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The newsletter state in files, for one machine (several processes may share it):
 * <pre>
 * &lt;directory&gt;/&lt;newsletter&gt;/editions.json         every edition; replaced whole, atomically
 * &lt;directory&gt;/&lt;newsletter&gt;/deliveries/&lt;N&gt;.log     one JSON line per delivery record of edition N, appended
 * &lt;directory&gt;/&lt;newsletter&gt;/lock                  the OS file lock each method holds
 * </pre>
 * Every write is on disk (fsync of the file and, for new or renamed files, of the folder)
 * before the method returns. A delivery line torn by a crash is ignored when read and cut off
 * before the next append. One process should use one {@code FileStore} per directory: closing
 * one releases the OS lock of every channel the process has on that file.
 */
public final class FileStore implements NewsletterStore {
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    /** How long to wait before asking again for a lock another FileStore of this JVM holds. */
    private static final long OVERLAP_PAUSE_MILLIS = 2;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path directory;
    private final ReentrantLock threads = new ReentrantLock(true);
    private final Map<String, FileChannel> lockFiles = new HashMap<>();
    private boolean closed;

    /** @param directory where the state lives (created when first written), e.g. {@code <output>/.newsbrief/newsletters} */
    public FileStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "The parameter 'directory' must not be null");
    }

    /** An edition as editions.json holds it (the newsletter is the folder). */
    private record EditionLine(int number, String at, List<String> stories, boolean sealed) { }

    /** One line of a deliveries log. */
    private record DeliveryLine(String language, String address, DeliveryState state, String detail) { }

    @Override
    public List<Edition> editions(String newsletter) {
        return locked(newsletter, () -> readEditions(newsletter));
    }

    @Override
    public Optional<Edition> openEdition(String newsletter, Function<List<Edition>, Optional<Edition>> next) {
        Objects.requireNonNull(next, "The parameter 'next' must not be null");
        return locked(newsletter, () -> {
            List<Edition> editions = readEditions(newsletter);
            Optional<Edition> open = editions.stream().filter(edition -> !edition.sealed()).findFirst();
            if (open.isPresent()) {
                return open;
            }
            Optional<Edition> proposed = next.apply(editions);
            if (proposed.isEmpty()) {
                return Optional.empty();
            }
            Edition edition = proposed.get();
            int expected = editions.isEmpty() ? 1 : editions.getLast().number() + 1;
            if (!edition.newsletter().equals(newsletter) || edition.number() != expected || edition.sealed()) {
                throw new IllegalArgumentException("the next edition of '" + newsletter + "' must be number " + expected
                        + ", unsealed, of that newsletter; proposed: " + edition);
            }
            List<Edition> all = new ArrayList<>(editions);
            all.add(edition);
            writeEditions(newsletter, all);
            return proposed;
        });
    }

    @Override
    public void seal(String newsletter, int number) {
        locked(newsletter, () -> {
            List<Edition> editions = new ArrayList<>(readEditions(newsletter));
            int index = -1;
            for (int i = 0; i < editions.size(); i++) {
                if (editions.get(i).number() == number) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException("'" + newsletter + "' has no edition " + number);
            }
            if (!editions.get(index).sealed()) {
                editions.set(index, editions.get(index).withSealed());
                writeEditions(newsletter, editions);
            }
            return null;
        });
    }

    @Override
    public Map<String, DeliveryState> deliveries(String newsletter, int number, String language) {
        Objects.requireNonNull(language, "The parameter 'language' must not be null");
        return locked(newsletter, () -> {
            Path log = log(newsletter, number);
            Map<String, DeliveryState> states = new LinkedHashMap<>();
            // No log yet: nothing recorded, read as an empty one.
            String text = Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
            // Only lines ended by a newline were written whole: a crash mid-append leaves a tail without one.
            String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                DeliveryLine line;
                try {
                    line = JSON.readValue(lines[i], DeliveryLine.class);
                } catch (JsonProcessingException e) {
                    throw new InvalidInputException(log.toString(), i + 1, 0, "", "the delivery record is damaged ("
                            + e.getOriginalMessage() + "); it is what keeps subscribers from getting a message twice: "
                            + "restore the file, or remove the line and accept that its address may be sent to again");
                }
                if (line.language().equals(language)) {
                    states.put(line.address(), line.state());
                }
            }
            return Collections.unmodifiableMap(states);
        });
    }

    @Override
    public void record(String newsletter, int number, String language, String address, DeliveryState state, String detail) {
        Objects.requireNonNull(language, "The parameter 'language' must not be null");
        Objects.requireNonNull(address, "The parameter 'address' must not be null");
        Objects.requireNonNull(state, "The parameter 'state' must not be null");
        byte[] line = (json(new DeliveryLine(language, address, state, detail == null ? "" : detail)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        locked(newsletter, () -> {
            Path log = log(newsletter, number);
            boolean created = !Files.exists(log);
            if (created) {
                Files.createDirectories(log.getParent());
            }
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                cutTornTail(channel);
                channel.position(channel.size());
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
            if (created) {
                syncDirectory(log.getParent());
            }
            return null;
        });
    }

    @Override
    public void close() {
        threads.lock();
        try {
            closed = true;
            for (FileChannel channel : lockFiles.values()) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // the lock goes with the channel either way
                }
            }
        } finally {
            threads.unlock();
        }
    }

    /** Removes a last line a crash left without its newline, so the next line starts on a line of its own. */
    private static void cutTornTail(FileChannel channel) throws IOException {
        long size = channel.size();
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        // Truncating to the size or beyond leaves the file as it is.
        channel.truncate(end);
    }

    private List<Edition> readEditions(String newsletter) throws IOException {
        Path file = folder(newsletter).resolve("editions.json");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            EditionLine[] lines = JSON.readValue(Files.readAllBytes(file), EditionLine[].class);
            List<Edition> editions = new ArrayList<>(lines.length);
            for (EditionLine line : lines) {
                editions.add(new Edition(newsletter, line.number(), Instant.parse(line.at()), line.stories(), line.sealed()));
            }
            return List.copyOf(editions);
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(file.toString(), 0, 0, "", "the newsletter's edition record is damaged ("
                    + e.getMessage() + "); restore it from a backup (without it, numbering starts again at 1 "
                    + "and every story counts as unsent)");
        }
    }

    private void writeEditions(String newsletter, List<Edition> editions) throws IOException {
        Path folder = folder(newsletter);
        Files.createDirectories(folder);
        List<EditionLine> lines = editions.stream()
                .map(e -> new EditionLine(e.number(), e.at().toString(), e.stories(), e.sealed())).toList();
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(lines);
        Path file = folder.resolve("editions.json");
        Path temp = folder.resolve("editions.json.tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically on this file system", e);
        }
        syncDirectory(folder);
    }

    /** Makes a new or renamed entry of {@code folder} durable (Linux and macOS allow fsync on a folder). */
    private static void syncDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; its rename is durable on its own.
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a delivery record", e);
        }
    }

    private Path folder(String newsletter) {
        return directory.resolve(newsletter);
    }

    private Path log(String newsletter, int number) {
        if (number < 1) {
            throw new IllegalArgumentException("edition numbers start at 1: " + number);
        }
        return folder(newsletter).resolve("deliveries").resolve(number + ".log");
    }

    private interface Work<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding this instance's lock (threads) and the OS lock on the newsletter's lock file (processes). */
    private <T> T locked(String newsletter, Work<T> work) {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
        if (!NAME.matcher(newsletter).matches()) {
            throw new IllegalArgumentException("'" + newsletter + "' is not a newsletter name");
        }
        threads.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            FileLock lock = lock(newsletter);
            try {
                return work.run();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("newsletter state in " + folder(newsletter) + ": " + e.getMessage(), e);
        } finally {
            threads.unlock();
        }
    }

    private FileLock lock(String newsletter) throws IOException {
        FileChannel channel = lockFiles.get(newsletter);
        // An interrupt during lock() closes the channel (it is interruptible): open it again.
        if (channel == null || !channel.isOpen()) {
            Files.createDirectories(folder(newsletter));
            // Kept open for the store's life: closing any channel on the file would drop the process's lock on it.
            channel = FileChannel.open(folder(newsletter).resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lockFiles.put(newsletter, channel);
        }
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                // Another FileStore in this JVM holds it (the OS lock is per process): wait for it.
                sleepBriefly();
            }
        }
    }

    private static void sleepBriefly() throws IOException {
        try {
            Thread.sleep(OVERLAP_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the newsletter state lock", e);
        }
    }

    /** For tests of torn writes and for reports: the deliveries log of an edition. */
    Path deliveriesLog(String newsletter, int number) {
        return log(newsletter, number);
    }
}
