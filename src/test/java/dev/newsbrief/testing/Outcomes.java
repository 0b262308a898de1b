package dev.newsbrief.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What every property asserts about one run of newsbrief code on generated input: it
 * succeeds or throws {@link InvalidInputException} with a one-line message, within a time
 * bound (jqwik has no per-try timeout); and for builds, that the output directory is left
 * as it was when the build fails and that the manifest matches the files.
 */
public final class Outcomes {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Code that may throw anything. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private Outcomes() { }

    /**
     * Runs {@code action} and returns the bad-input error it threw, or null when it succeeded.
     * Any other exception or error, or taking longer than {@code limit}, fails the try with
     * that exception, so jqwik shrinks the input and reports it.
     */
    public static InvalidInputException successOrBadInput(Duration limit, Action action) {
        InvalidInputException error = assertTimeoutPreemptively(limit, () -> {
            try {
                action.run();
                return null;
            } catch (InvalidInputException e) {
                return e;
            } catch (Exception | StackOverflowError | AssertionError e) {
                // An AssertionError, not the error itself: jqwik does not shrink virtual-machine errors.
                throw new AssertionError("not a newsbrief error: " + e, e);
            }
        }, () -> "no result within " + limit + ": a hang, or a limit that does not hold");
        if (error != null) {
            assertWellFormed(error);
        }
        return error;
    }

    /** The message is one line, names a file, and carries no raw control character (issue 7 item 4). */
    public static void assertWellFormed(InvalidInputException error) {
        String message = error.getMessage();
        assertThat(message).as("message of %s", error).isNotBlank();
        assertThat(message.codePoints().filter(cp -> Character.getType(cp) == Character.CONTROL).toArray())
                .as("raw control characters in the error line %s", message.replaceAll("\\p{Cc}", "\u2426")).isEmpty();
        assertThat(message.indexOf('\u2028')).as("line separator in %s", message).isNegative();
        assertThat(error.file()).as("file named in %s", message).isNotBlank();
    }

    /** Path (relative, '/') → SHA-256 of every file a reader sees: hidden names (staging, locks) skipped, links followed. */
    public static Map<String, String> visibleFiles(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                Path relative = dir.relativize(file);
                for (Path part : relative) {
                    if (part.toString().startsWith(".")) {
                        return;
                    }
                }
                files.put(relative.toString().replace('\\', '/'), sha256(file));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Every file the output's manifest.json lists exists with the size and digest it states. */
    public static void assertManifestMatches(Path output) {
        Path manifest = output.resolve("manifest.json");
        if (!Files.exists(manifest)) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(manifest.toFile());
            for (JsonNode entry : root.path("files")) {
                Path file = output.resolve(entry.path("path").asText());
                assertThat(file).as("listed in the manifest").exists();
                assertThat(sha256(file)).as("digest of %s against the manifest", entry.path("path").asText())
                        .isEqualTo(entry.path("sha256").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leftover staging of a build that has returned (the name Builder gives it). */
    public static void assertNoStagingLeft(Path output) {
        if (!Files.isDirectory(output)) {
            return;
        }
        try (Stream<Path> children = Files.list(output)) {
            assertThat(children.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".staging")).toList())
                    .as("staging left in %s", output).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a tree, for cleaning up temporary directories. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
