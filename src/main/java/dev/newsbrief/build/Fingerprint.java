package dev.newsbrief.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fingerprints of what an output file is made from, for incremental builds: the same
 * fingerprint means the same bytes. SHA-256 over names and contents, never over modification
 * times, so a checkout or a copy does not count as a change.
 */
public final class Fingerprint {
    private Fingerprint() { }

    /**
     * newsbrief itself: its code, embedded templates, translations and stories. From a jar,
     * each entry's name, size and CRC-32 as its central directory lists them; from a build
     * tree, the class folder's files.
     */
    public static String code() {
        return Code.FINGERPRINT;
    }

    /**
     * Which newsbrief this process runs, cheaply: the jar's path, size and modification time
     * (the contents, {@link #code()}, when run from a class folder). A build daemon and its client
     * compare it: reading the jar's index costs a client JVM a tenth of a second, and a jar
     * rebuilt in place has another time anyway.
     */
    public static String codeFile() {
        try {
            Path location = Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location.toAbsolutePath() + " " + Files.size(location) + " " + Files.getLastModifiedTime(location).toMillis();
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return code();
        }
        return code();
    }

    private static final class Code {
        static final String FINGERPRINT = compute();

        private static String compute() {
            try {
                Path location = Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                String contents = Files.isRegularFile(location) ? jarEntries(location) : files(location);
                return of(String.valueOf(Fingerprint.class.getPackage().getImplementationVersion()), contents);
            } catch (URISyntaxException | RuntimeException e) {
                // No readable code source (an unusual class loader): nothing to compare, so every build renders.
                return "unknown-" + System.nanoTime();
            }
        }
    }

    /**
     * A jar's entries as its central directory describes them (names, sizes, CRC-32 of the
     * contents, and the times the build fixes): that index is read and hashed whole, where
     * hashing the 35 MB jar took a third of a cold build. A changed entry keeps its CRC-32 and
     * size with a chance of 1 in 2^32. A jar without a plain central directory (ZIP64) is read
     * entry by entry instead.
     */
    static String jarEntries(Path jar) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(jar)) {
            long size = channel.size();
            // The end-of-central-directory record: 22 bytes, after a comment of at most 65,535.
            int tail = (int) Math.min(size, 22 + 65_535);
            java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            channel.read(end, size - tail);
            for (int at = tail - 22; at >= 0; at--) {
                if (end.getInt(at) == 0x06054b50) {
                    long directorySize = Integer.toUnsignedLong(end.getInt(at + 12));
                    long directoryOffset = Integer.toUnsignedLong(end.getInt(at + 16));
                    if (directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL || directoryOffset + directorySize > size) {
                        break;
                    }
                    java.nio.ByteBuffer directory = java.nio.ByteBuffer.allocate((int) directorySize);
                    while (directory.hasRemaining() && channel.read(directory, directoryOffset + directory.position()) > 0) {
                        // read until full
                    }
                    MessageDigest digest = sha256();
                    digest.update(directory.flip());
                    return HexFormat.of().formatHex(digest.digest());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar + " to see whether it changed: " + e.getMessage(), e);
        }
        return entryByEntry(jar);
    }

    private static String entryByEntry(Path jar) {
        MessageDigest digest = sha256();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            var entries = zip.entries();
            java.nio.ByteBuffer numbers = java.nio.ByteBuffer.allocate(2 * Long.BYTES);
            while (entries.hasMoreElements()) {
                java.util.zip.ZipEntry entry = entries.nextElement();
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                numbers.clear();
                numbers.putLong(entry.getSize()).putLong(entry.getCrc());
                digest.update(numbers.array());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar + " to see whether it changed: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The names and contents of every file under {@code path} (or of the file itself); "-" for null or nothing there. */
    public static String files(Path path) {
        if (path == null || !Files.exists(path)) {
            return "-";
        }
        MessageDigest digest = sha256();
        try {
            if (Files.isRegularFile(path)) {
                digest.update(Files.readAllBytes(path));
            } else {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(Files.readAllBytes(file));
                    digest.update((byte) 0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " to see whether it changed: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One fingerprint of several parts, in order. */
    public static String of(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
