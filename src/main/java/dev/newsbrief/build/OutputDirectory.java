package dev.newsbrief.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The published output directory, changed only by one atomic step.
 *
 * <p>Every build writes a complete release, manifest included, under
 * {@code <output>/.newsbrief/releases/<n>/}. The output's top-level names ({@code en/},
 * {@code pack/}, {@code manifest.json}…) are symbolic links through
 * {@code .newsbrief/current}, itself a link to the live release; publishing renames a new
 * {@code current} link over the old one ({@code rename(2)} is atomic), so a reader sees the
 * old release or the new one, never a mix, whenever the build stops. Names in the output
 * that newsbrief did not publish are left alone.
 *
 * <p>A lock file ({@code .newsbrief/lock}, held with an OS file lock that dies with its
 * process) keeps two builds apart; it records the holder's pid so a second build can say
 * who holds it. The next build removes what a killed one left (staging, stray links) and
 * keeps the live release and the one before it, for readers still holding its files.
 */
final class OutputDirectory implements AutoCloseable {
    static final String STATE = ".newsbrief";
    private static final String RELEASES = "releases";
    private static final String CURRENT = "current";
    private static final String STAGING_PREFIX = "staging-";
    private static final String LOCK = "lock";
    /** What a build writes: {@code <folder>/<file>}, no hidden names, nothing that climbs. */
    private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern.compile("(?:[^/.][^/]*/)+[^/.][^/]*");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path output;
    private final Path state;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final BuildListener listener;

    private OutputDirectory(Path output, Path state, FileChannel lockChannel, FileLock lock, BuildListener listener) {
        this.output = output;
        this.state = state;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.listener = listener;
    }

    /**
     * Locks {@code output} (creating it if needed) and tidies what an interrupted build left.
     *
     * @param wait wait for another build to finish instead of failing at once
     * @throws OutputLockedException when another build holds the lock and {@code wait} is false
     */
    /**
     * After a failed build into an output that had no newsbrief state before it: removes the
     * state that opening made (the lock and the empty releases folder), and the output folder
     * itself if the build created it, so the output is as it was. Anything else there (another
     * build's files) stays: only empty folders are removed.
     */
    static void forgetUnused(Path output, boolean outputExisted) {
        Path state = output.resolve(STATE);
        for (Path path : new Path[] {state.resolve(LOCK), state.resolve(RELEASES), state, outputExisted ? null : output}) {
            try {
                if (path != null) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                return; // not empty, or not ours to remove: leave the rest too
            }
        }
    }

    static OutputDirectory open(Path output, boolean wait, BuildListener listener) {
        Path state = output.resolve(STATE);
        try {
            if (Files.exists(output, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(output)) {
                throw new IOException("it exists and is not a directory");
            }
            Files.createDirectories(state.resolve(RELEASES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + output + ": " + e.getMessage(), e);
        }
        Path lockFile = state.resolve(LOCK);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = acquire(channel, lockFile, output, wait);
            String previousHolder = readHolder(channel);
            writeHolder(channel);
            OutputDirectory directory = new OutputDirectory(output, state, channel, lock, listener);
            if (!previousHolder.isEmpty()) {
                listener.event(BuildListener.Event.STALE_LOCK, "a build (" + previousHolder + ") stopped before it finished; "
                        + "its leftovers are removed and the output is as it was before it");
            }
            directory.recover();
            listener.event(BuildListener.Event.LOCKED, output.toString());
            return directory;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the output directory " + output + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock acquire(FileChannel channel, Path lockFile, Path output, boolean wait) throws IOException {
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException sameProcess) {
                // Another build in this JVM holds it: the same answer as another process.
            }
            if (!wait) {
                String holder = readHolder(channel);
                throw new OutputLockedException(output, holder);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for another build to release " + lockFile, e);
            }
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        String holder = "pid " + ProcessHandle.current().pid() + " on " + host() + ", since " + Instant.now();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    private static String host() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at < 0 ? "this machine" : name.substring(at + 1);
    }

    /** The files of the live release, from its manifest (or a manifest written before releases existed); empty if none. */
    List<ManifestEntry> published() {
        Path manifest = liveManifest();
        if (manifest == null) {
            return List.of();
        }
        try {
            JsonNode files = JSON.readTree(manifest.toFile()).path("files");
            List<ManifestEntry> entries = new ArrayList<>();
            for (JsonNode file : files) {
                ManifestEntry entry = JSON.treeToValue(file, ManifestEntry.class);
                if (entry.path() == null || !SAFE_PATH.matcher(entry.path()).matches()) {
                    // Paths are joined to the output and the new release: one that climbs out must never be followed.
                    throw new IOException("'" + entry.path() + "' is not a file inside the output");
                }
                entries.add(entry);
            }
            return entries;
        } catch (IOException e) {
            String problem = e instanceof com.fasterxml.jackson.core.JacksonException json ? json.getOriginalMessage() : e.getMessage();
            throw new UncheckedIOException("cannot read the published manifest " + manifest + ": " + problem
                    + "; build with --clean to start the output afresh", e);
        }
    }

    /**
     * Whether the live release is whole and visible: every file its manifest lists is there,
     * and each top-level name is newsbrief's link into it. Only then may a build with nothing
     * changed leave the output alone; otherwise it publishes again, which repairs or reports.
     */
    boolean intact(List<ManifestEntry> published) {
        Optional<Path> release = currentRelease();
        if (release.isEmpty() || !Files.isRegularFile(release.get().resolve(Builder.MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        for (ManifestEntry entry : published) {
            if (!Files.isRegularFile(release.get().resolve(entry.path()), LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        for (String name : topLevelNames(published)) {
            Path path = output.resolve(name);
            try {
                if (!Files.isSymbolicLink(path) || !Files.readSymbolicLink(path).equals(linkTarget(name))) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private Path liveManifest() {
        Optional<Path> release = currentRelease();
        if (release.isPresent()) {
            return release.get().resolve(Builder.MANIFEST);
        }
        Path legacy = output.resolve(Builder.MANIFEST);
        return Files.isRegularFile(legacy, LinkOption.NOFOLLOW_LINKS) ? legacy : null;
    }

    /** Where a published file's bytes are now: in the live release, or in a directory from before releases. */
    private Path publishedFile(String relative) {
        return currentRelease().map(release -> release.resolve(relative)).orElse(output.resolve(relative));
    }

    private Optional<Path> currentRelease() {
        Path current = state.resolve(CURRENT);
        if (!Files.isSymbolicLink(current)) {
            return Optional.empty();
        }
        try {
            return Optional.of(state.resolve(Files.readSymbolicLink(current)).normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + current + ": " + e.getMessage(), e);
        }
    }

    /** A new, empty release to write into; nothing in it is visible until {@link #publish}. */
    Path stage() {
        try {
            int next = releaseNumbers().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            return Files.createDirectory(state.resolve(STAGING_PREFIX + releaseName(next)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory in " + state + ": " + e.getMessage(), e);
        }
    }

    /** Writes one file of the staged release, durably. */
    static void write(Path staging, String relative, byte[] bytes) throws IOException {
        Path file = staging.resolve(relative);
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Completes the staged release with the published files this build did not replace (linked,
     * not copied), writes its manifest and makes it live in one atomic step.
     *
     * @param written what this build wrote into {@code staging}
     * @param keep    whether published files this build did not write stay (false for {@code --clean})
     * @return every file of the new release, as its manifest lists them
     */
    List<ManifestEntry> publish(Path staging, List<ManifestEntry> written, boolean keep) throws IOException {
        Map<String, ManifestEntry> entries = new LinkedHashMap<>();
        if (keep) {
            for (ManifestEntry old : published()) {
                entries.put(old.path(), old);
            }
        }
        Set<String> replaced = new LinkedHashSet<>();
        for (ManifestEntry entry : written) {
            replaced.add(entry.path());
            entries.put(entry.path(), entry);
        }
        for (ManifestEntry kept : entries.values()) {
            if (!replaced.contains(kept.path())) {
                carry(publishedFile(kept.path()), staging.resolve(kept.path()));
            }
        }
        List<ManifestEntry> manifest = entries.values().stream().sorted(Comparator.comparing(ManifestEntry::path)).toList();
        write(staging, Builder.MANIFEST, manifestBytes(manifest));
        forceDirectory(staging);
        listener.event(BuildListener.Event.STAGED, staging.toString());

        Set<String> names = topLevelNames(manifest);
        Optional<Path> legacyBase = currentRelease().isPresent() ? Optional.empty() : Optional.of(output);
        checkNothingInTheWay(names, legacyBase.isPresent());
        Path release = state.resolve(RELEASES).resolve(staging.getFileName().toString().substring(STAGING_PREFIX.length()));
        Files.move(staging, release, StandardCopyOption.ATOMIC_MOVE);
        for (String name : names) {
            link(name);
        }
        swapCurrent(release);
        listener.event(BuildListener.Event.PUBLISHED, release.toString());
        legacyBase.ifPresent(ignored -> migrateLegacy(names));
        removeLinksNotIn(names);
        removeOldReleases();
        return manifest;
    }

    /** A published file this build keeps: a hard link into the new release (a copy where links are not possible). */
    private static void carry(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            throw new IOException("the published file " + from + " is missing; build with --clean to start the output afresh");
        }
        Files.createDirectories(to.getParent());
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException notLinkable) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static Set<String> topLevelNames(List<ManifestEntry> manifest) {
        Set<String> names = new TreeSet<>();
        names.add(Builder.MANIFEST);
        for (ManifestEntry entry : manifest) {
            int slash = entry.path().indexOf('/');
            names.add(slash < 0 ? entry.path() : entry.path().substring(0, slash));
        }
        return names;
    }

    /**
     * Before anything becomes live: a name the release needs must be free, ours, or from an
     * output written before releases existed — and then hold only files its manifest lists, so
     * that taking it over loses nothing of the user's.
     */
    private void checkNothingInTheWay(Set<String> names, boolean legacy) throws IOException {
        List<ManifestEntry> legacyFiles = legacy ? published() : List.of();
        Set<String> legacyNames = legacy ? topLevelNames(legacyFiles) : Set.of();
        Set<Path> listed = new java.util.HashSet<>();
        legacyFiles.forEach(entry -> listed.add(output.resolve(entry.path())));
        listed.add(output.resolve(Builder.MANIFEST));
        for (String name : names) {
            Path path = output.resolve(name);
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || isOurLink(path)) {
                continue;
            }
            if (!legacyNames.contains(name)) {
                throw new IOException(path + " is in the way: newsbrief did not publish it; move it out of the output directory");
            }
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path file : walk.filter(file -> !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    if (!listed.contains(file)) {
                        throw new IOException(file + " is in the way: newsbrief did not publish it (it is not in "
                                + Builder.MANIFEST + "); move it out of the output directory");
                    }
                }
            }
        }
    }

    private boolean isOurLink(Path path) throws IOException {
        return Files.isSymbolicLink(path) && Files.readSymbolicLink(path).equals(linkTarget(path.getFileName().toString()));
    }

    private static Path linkTarget(String name) {
        return Path.of(STATE, CURRENT, name);
    }

    /** {@code output/<name>} → {@code .newsbrief/current/<name>}: dangling until the swap, so readers never see it early. */
    private void link(String name) throws IOException {
        Path path = output.resolve(name);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(path, linkTarget(name));
        }
    }

    private void swapCurrent(Path release) throws IOException {
        Path temporary = state.resolve(CURRENT + ".tmp-" + release.getFileName());
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, Path.of(RELEASES, release.getFileName().toString()));
        Files.move(temporary, state.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(state);
    }

    /**
     * An output written before releases existed holds real folders: once the release is live,
     * each is moved aside and replaced by its link (the one step that is not atomic, once per
     * output; a build stopped here is finished by the next one).
     */
    private void migrateLegacy(Set<String> names) {
        try {
            Path aside = Files.createTempDirectory(state, "legacy-");
            for (String name : names) {
                Path path = output.resolve(name);
                if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(path)) {
                    Files.move(path, aside.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    link(name);
                }
            }
            deleteTree(aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the output's earlier files aside: " + e.getMessage(), e);
        }
    }

    /** Links to names the live release no longer has (after {@code --clean}) or never got (a build stopped before its swap). */
    private void removeLinksNotIn(Set<String> names) throws IOException {
        try (Stream<Path> children = Files.list(output)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (!names.contains(name) && isOurLink(child)) {
                    Files.delete(child);
                }
            }
        }
    }

    /** Removes staging, stray links and old releases; finishes a migration a stopped build began. */
    private void recover() throws IOException {
        try (Stream<Path> children = Files.list(state)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(STAGING_PREFIX) || name.startsWith("legacy-") || name.startsWith(CURRENT + ".tmp-")) {
                    deleteTree(child);
                }
            }
        }
        Optional<Path> release = currentRelease();
        if (release.isPresent()) {
            Set<String> names = new TreeSet<>();
            try (Stream<Path> children = Files.list(release.get())) {
                children.forEach(child -> names.add(child.getFileName().toString()));
            }
            Path legacyManifest = output.resolve(Builder.MANIFEST);
            if (Files.isRegularFile(legacyManifest, LinkOption.NOFOLLOW_LINKS)) {
                // A build stopped while taking over an output from before releases: finish it.
                migrateLegacy(names);
            }
            for (String name : names) {
                link(name);
            }
            removeLinksNotIn(names);
        } else {
            removeLinksNotIn(Set.of());
        }
        removeOldReleases();
    }

    /** Keeps the live release and the one before it; deletes the rest. */
    private void removeOldReleases() throws IOException {
        Optional<Integer> live = currentRelease().map(path -> Integer.parseInt(path.getFileName().toString()));
        List<Integer> numbers = new ArrayList<>(releaseNumbers());
        numbers.sort(Comparator.reverseOrder());
        Integer previous = live.flatMap(current -> numbers.stream().filter(n -> n < current).findFirst()).orElse(null);
        for (int number : numbers) {
            if (live.isEmpty() || (number != live.get() && !Integer.valueOf(number).equals(previous))) {
                deleteTree(state.resolve(RELEASES).resolve(releaseName(number)));
            }
        }
    }

    private List<Integer> releaseNumbers() throws IOException {
        List<Integer> numbers = new ArrayList<>();
        try (Stream<Path> children = Stream.concat(Files.list(state.resolve(RELEASES)), Files.list(state))) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString().replaceFirst("^" + STAGING_PREFIX, "");
                if (name.matches("[0-9]{6,9}")) {
                    numbers.add(Integer.parseInt(name));
                }
            }
        }
        return numbers;
    }

    private static String releaseName(int number) {
        return String.format(java.util.Locale.ROOT, "%06d", number);
    }

    private static byte[] manifestBytes(List<ManifestEntry> entries) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("generator", "newsbrief");
        manifest.put("files", entries);
        return (JSON.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** So that a power cut after the swap cannot leave a live release whose entries were never written. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Not every file system can sync a directory; the rename is still atomic.
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Drops a staging directory after a failed build. */
    void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException ignored) {
            // The next build removes it.
        }
    }

    @Override
    public void close() {
        try {
            lockChannel.truncate(0);
            lockChannel.force(true);
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases the lock anyway.
        } finally {
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing more to release.
            }
        }
    }
}
