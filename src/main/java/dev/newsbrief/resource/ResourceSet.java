package dev.newsbrief.resource;

import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InputFile;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * A tree of files (templates, translations) made of the defaults embedded in the jar,
 * optionally overridden file by file by a directory the user names. The user's file
 * always wins; a file only the user has is added.
 * <p>
 * The user's directory is untrusted: nothing is read through a link that leads out of it
 * (a link inside pointing inside is fine, and so is a directory that is itself a link), and
 * every file is read within the {@code input-bytes} limit ({@code output-bytes} for binary
 * assets such as fonts and images, which end up inside an output file).
 */
public final class ResourceSet {
    /** A file found in the set: its name for messages, and its text. */
    public record Resource(String displayName, String text) { }

    private final String embeddedRoot;
    private final Path override;
    /** The override's real path, resolved once: every file read must lie under it. */
    private final Path realOverride;
    private final Limits limits;

    /**
     * @param embeddedRoot the classpath folder of the defaults, e.g. {@code translations}
     * @param override     a directory whose files replace the defaults, or {@code null}
     */
    public ResourceSet(String embeddedRoot, Path override) {
        this(embeddedRoot, override, Limits.DEFAULT);
    }

    /**
     * @param embeddedRoot the classpath folder of the defaults, e.g. {@code translations}
     * @param override     a directory whose files replace the defaults, or {@code null}
     * @param limits       bounds every read of the user's files
     */
    public ResourceSet(String embeddedRoot, Path override, Limits limits) {
        this.embeddedRoot = embeddedRoot;
        this.limits = java.util.Objects.requireNonNull(limits, "The parameter 'limits' must not be null");
        this.override = override == null ? null : override.toAbsolutePath().normalize();
        if (override != null && !Files.isDirectory(this.override)) {
            throw new InvalidInputException(override.toString(), 0, 0, "",
                    "no such directory; the --" + embeddedRoot + " option needs a directory laid out like the embedded " + embeddedRoot + "/");
        }
        try {
            this.realOverride = this.override == null ? null : this.override.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException(override.toString(), 0, 0, "", "cannot use as the --" + embeddedRoot + " directory: " + e.getMessage());
        }
    }

    /** The limits reads of the user's files are held to. */
    public Limits limits() {
        return limits;
    }

    /**
     * {@code file} (under the override) as a real path inside the override, or empty if there
     * is no such file. A link that leads out of the override is refused, not skipped: falling
     * back to the embedded file would hide that the user's file is not used.
     */
    private Optional<Path> inside(Path file) {
        if (!file.startsWith(override)) {
            return Optional.empty();
        }
        if (!Files.exists(file)) {
            if (Files.isSymbolicLink(file)) {
                throw new InvalidInputException(file.toString(), 0, 0, "", "is a broken link; copy the file into the folder instead");
            }
            return Optional.empty();
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, 0, "", "cannot read: " + e.getMessage());
        }
        if (!real.startsWith(realOverride)) {
            throw new InvalidInputException(file.toString(), 0, 0, "", "is a link to " + real + ", outside --" + embeddedRoot
                    + " (" + realOverride + "); copy the file into the folder instead");
        }
        return Optional.of(real);
    }

    /**
     * Every layer that has {@code relative}: the embedded default first, then the user's
     * file, so callers that merge key by key let the user's keys win.
     */
    public java.util.List<Resource> layers(String relative) {
        java.util.List<Resource> layers = new java.util.ArrayList<>();
        embedded(relative).ifPresent(layers::add);
        userFile(relative).ifPresent(layers::add);
        return layers;
    }

    public Optional<Path> overrideDirectory() {
        return Optional.ofNullable(override);
    }

    /** Finds {@code relative} (with '/' separators), the override first. */
    public Optional<Resource> find(String relative) {
        Optional<Resource> user = userFile(relative);
        return user.isPresent() ? user : embedded(relative);
    }

    private Optional<Resource> userFile(String relative) {
        if (override != null) {
            Path file = override.resolve(relative).normalize();
            Optional<Path> real = inside(file);
            if (real.isPresent() && !Files.isDirectory(real.get())) {
                // A device or pipe is refused by InputFile rather than skipped: the user named it.
                return Optional.of(new Resource(file.toString(), InputFile.readText(real.get(), file.toString(), limits)));
            }
        }
        return Optional.empty();
    }

    private Optional<Resource> embedded(String relative) {
        String name = embeddedRoot + "/" + relative;
        try (var in = ResourceSet.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Resource("(embedded) " + name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedded " + name, e);
        }
    }

    /** The bytes of {@code relative} (with '/' separators), the override first; never leaves either root. */
    public Optional<byte[]> findBytes(String relative) {
        if (relative.startsWith("/") || relative.contains("\\") || java.util.Arrays.asList(relative.split("/")).contains("..")) {
            return Optional.empty();
        }
        try {
            if (override != null) {
                Path file = override.resolve(relative).normalize();
                Optional<Path> real = inside(file);
                if (real.isPresent() && !Files.isDirectory(real.get())) {
                    // An asset is embedded in an output file, so it can be no larger than one.
                    long limit = Math.max(limits.inputBytes(), limits.outputBytes());
                    return Optional.of(InputFile.readBytes(real.get(), file.toString(), limit,
                            limit == limits.outputBytes() ? "output-bytes" : "input-bytes"));
                }
            }
            try (var in = ResourceSet.class.getClassLoader().getResourceAsStream(embeddedRoot + "/" + relative)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    /**
     * Where {@link #findBytes} reads {@code relative} from: the real path of the user's file, else
     * the classpath name of the embedded one; empty when neither has it. For libraries that open
     * a file again by name (openpdf-html reads a font's metrics that way).
     */
    public Optional<String> origin(String relative) {
        if (findBytes(relative).isEmpty()) {
            return Optional.empty();
        }
        if (override != null) {
            Optional<Path> real = inside(override.resolve(relative).normalize());
            if (real.isPresent() && !Files.isDirectory(real.get())) {
                return Optional.of(real.get().toString());
            }
        }
        return Optional.of(embeddedRoot + "/" + relative);
    }

    /** Names of the sub-directories of {@code relative}, from both layers, sorted. */
    public SortedSet<String> directories(String relative) {
        SortedSet<String> names = new TreeSet<>();
        if (override != null) {
            Path dir = override.resolve(relative).normalize();
            if (inside(dir).isPresent()) {
                try (Stream<Path> children = Files.list(dir)) {
                    for (Path child : children.sorted().toList()) {
                        // A linked folder that leaves the override is refused; one that stays inside is listed.
                        if (inside(child).filter(Files::isDirectory).isPresent()) {
                            names.add(child.getFileName().toString());
                        }
                    }
                } catch (IOException e) {
                    throw new InvalidInputException(dir.toString(), 0, 0, "", "cannot list the folder: " + e.getMessage());
                }
            }
        }
        URL url = ResourceSet.class.getClassLoader().getResource(embeddedRoot + (relative.isEmpty() ? "" : "/" + relative));
        if (url != null) {
            try {
                URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    addDirectories(jarFileSystemPath(uri), names);
                } else {
                    addDirectories(Path.of(uri), names);
                }
            } catch (URISyntaxException | IOException e) {
                throw new IllegalStateException("cannot list embedded " + embeddedRoot + "/" + relative, e);
            }
        }
        return names;
    }

    /**
     * Every file newsbrief ships under {@code relative} (recursively; from the jar or, in
     * development, from target/classes), by its path relative to {@code relative} with '/'
     * separators, sorted.
     */
    public SortedSet<String> embeddedFiles(String relative) {
        SortedSet<String> names = new TreeSet<>();
        URL url = ResourceSet.class.getClassLoader().getResource(embeddedRoot + (relative.isEmpty() ? "" : "/" + relative));
        if (url != null) {
            try {
                URI uri = url.toURI();
                addFiles("jar".equals(uri.getScheme()) ? jarFileSystemPath(uri) : Path.of(uri), names);
            } catch (URISyntaxException | IOException e) {
                throw new IllegalStateException("cannot list embedded " + embeddedRoot + "/" + relative, e);
            }
        }
        return names;
    }

    /**
     * Every file under {@code relative} in either layer (the embedded files and the override's),
     * relative to {@code relative} with '/' separators, sorted: the names {@link #find} answers for.
     */
    public SortedSet<String> files(String relative) {
        SortedSet<String> names = embeddedFiles(relative);
        if (override != null) {
            Path dir = override.resolve(relative).normalize();
            if (inside(dir).filter(Files::isDirectory).isPresent()) {
                // Links are not followed: one that leads out of the folder is refused when it is read.
                addFiles(dir, names);
            }
        }
        return names;
    }

    private static void addFiles(Path root, SortedSet<String> names) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                java.util.List<String> parts = new java.util.ArrayList<>();
                root.relativize(file).forEach(part -> parts.add(part.toString().replace("/", "")));
                names.add(String.join("/", parts));
            }
        } catch (IOException e) {
            throw new InvalidInputException(root.toString(), 0, 0, "", "cannot list the folder: " + e.getMessage());
        }
    }

    private static Path jarFileSystemPath(URI uri) throws IOException {
        try {
            return FileSystems.getFileSystem(uri).provider().getPath(uri);
        } catch (FileSystemNotFoundException notYetOpen) {
            try {
                return FileSystems.newFileSystem(uri, Map.of()).provider().getPath(uri);
            } catch (java.nio.file.FileSystemAlreadyExistsException raced) {
                return FileSystems.getFileSystem(uri).provider().getPath(uri);
            }
        }
    }

    private static void addDirectories(Path dir, SortedSet<String> names) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory)
                    .map(child -> child.getFileName().toString().replace("/", ""))
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
