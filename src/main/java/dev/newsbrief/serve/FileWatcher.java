package dev.newsbrief.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches files and folders (folders recursively, new sub-folders included) and reports the
 * changed paths in batches: a batch is sent once {@link #QUIET_MILLIS} pass without a further
 * change, so an editor's save (write, rename, touch) is one batch, not three. Runs on its own
 * daemon thread until {@link #close}.
 */
final class FileWatcher implements AutoCloseable {
    /** How long the files must stay unchanged before a batch is reported. */
    static final long QUIET_MILLIS = 100;

    private final WatchService service;
    /** What each registered folder's key watches, and, for a watched single file, which file. */
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Map<Path, Set<Path>> singleFiles = new HashMap<>();
    /** Folders watched for everything they hold (not only as a watched file's folder). */
    private final Set<Path> trees = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Consumer<Set<Path>> onChange;
    private final Thread thread;

    /**
     * @param inputs   files and folders to watch; a single file is watched through its folder, and
     *                 only its own changes are reported
     * @param onChange called on the watcher's thread with the absolute paths changed, sorted
     */
    FileWatcher(List<Path> inputs, Consumer<Set<Path>> onChange) {
        this.onChange = onChange;
        try {
            service = inputs.isEmpty() ? null : inputs.get(0).getFileSystem().newWatchService();
            for (Path input : inputs) {
                Path path = input.toAbsolutePath().normalize();
                if (Files.isDirectory(path)) {
                    registerTree(path);
                } else {
                    Path parent = path.getParent();
                    singleFiles.computeIfAbsent(parent, p -> new java.util.HashSet<>()).add(path);
                    register(parent, false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the inputs for changes: " + e.getMessage(), e);
        }
        thread = new Thread(this::run, "newsbrief-file-watcher");
        thread.setDaemon(true);
        if (service != null) {
            thread.start();
        }
    }

    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                register(dir, true);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void register(Path folder, boolean tree) throws IOException {
        if (tree) {
            trees.add(folder);
        }
        WatchKey key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        synchronized (folders) {
            folders.put(key, folder);
        }
    }

    private void run() {
        try {
            while (true) {
                Set<Path> batch = new TreeSet<>();
                collect(service.take(), batch);
                // Debounce: keep collecting until the files have been quiet for QUIET_MILLIS.
                for (WatchKey next = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); next != null;
                        next = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    collect(next, batch);
                }
                if (!batch.isEmpty()) {
                    onChange.accept(batch);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: the server is stopping.
        }
    }

    private void collect(WatchKey key, Set<Path> batch) {
        Path folder;
        synchronized (folders) {
            folder = folders.get(key);
        }
        for (WatchEvent<?> event : key.pollEvents()) {
            if (folder == null) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                // Events were lost: report the folder itself, which drops whatever it holds.
                batch.add(folder);
                continue;
            }
            Path changed = folder.resolve((Path) event.context());
            boolean tree = trees.contains(folder);
            if (!tree && !singleFiles.getOrDefault(folder, Set.of()).contains(changed)) {
                continue;
            }
            batch.add(changed);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && tree && Files.isDirectory(changed)) {
                try {
                    // A new folder (a new language, a new kind): watch it and report what it already holds.
                    registerTree(changed);
                    try (var files = Files.walk(changed)) {
                        files.forEach(batch::add);
                    }
                } catch (IOException | UncheckedIOException e) {
                    // Gone again, or unreadable: the batch still names it, so the next render reports the problem.
                }
            }
        }
        if (!key.reset()) {
            synchronized (folders) {
                folders.remove(key);
            }
        }
    }

    @Override
    public void close() {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.interrupt();
    }
}
