package dev.newsbrief.resource;

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
 */
public final class ResourceSet {
    /** A file found in the set: its name for messages, and its text. */
    public record Resource(String displayName, String text) { }

    private final String embeddedRoot;
    private final Path override;

    /**
     * @param embeddedRoot the classpath folder of the defaults, e.g. {@code translations}
     * @param override     a directory whose files replace the defaults, or {@code null}
     */
    public ResourceSet(String embeddedRoot, Path override) {
        this.embeddedRoot = embeddedRoot;
        this.override = override == null ? null : override.toAbsolutePath().normalize();
        if (override != null && !Files.isDirectory(this.override)) {
            throw new dev.newsbrief.model.InvalidInputException(override.toString(), 0, 0, "",
                    "no such directory; the --" + embeddedRoot + " option needs a directory laid out like the embedded " + embeddedRoot + "/");
        }
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
            if (file.startsWith(override) && Files.isRegularFile(file)) {
                try {
                    return Optional.of(new Resource(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (java.nio.charset.MalformedInputException e) {
                    throw new dev.newsbrief.model.InvalidInputException(file.toString(), 0, 0, "", "the file is not valid UTF-8; save it as UTF-8");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
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
                if (file.startsWith(override) && Files.isRegularFile(file)) {
                    return Optional.of(Files.readAllBytes(file));
                }
            }
            try (var in = ResourceSet.class.getClassLoader().getResourceAsStream(embeddedRoot + "/" + relative)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative, e);
        }
    }

    /** Names of the sub-directories of {@code relative}, from both layers, sorted. */
    public SortedSet<String> directories(String relative) {
        SortedSet<String> names = new TreeSet<>();
        if (override != null) {
            addDirectories(override.resolve(relative), names);
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
