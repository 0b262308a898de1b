package dev.newsbrief.daemon;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.function.Function;

/**
 * Where the daemon listens: {@code NEWSBRIEF_DAEMON_SOCKET} when set (both sides read it), else
 * {@code $XDG_RUNTIME_DIR/newsbrief/daemon.sock}, else {@code <java.io.tmpdir>/newsbrief-<user.name>/daemon.sock}.
 * The folder is created owner-only (0700), so nobody else can connect, or plant a socket for
 * the client to send its environment to.
 */
public final class DaemonSocket {
    /** Overrides the socket's path for the daemon and the client alike. */
    public static final String OVERRIDE = "NEWSBRIEF_DAEMON_SOCKET";

    private DaemonSocket() { }

    /** The socket's path for {@code environment}; {@code java.io.tmpdir} and {@code user.name} are read only without XDG_RUNTIME_DIR. */
    public static Path path(Function<String, String> environment) {
        String override = environment.apply(OVERRIDE);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String runtime = environment.apply("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            return Path.of(runtime, "newsbrief", "daemon.sock");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "newsbrief-" + System.getProperty("user.name"), "daemon.sock");
    }

    /**
     * Creates the socket's folder owner-only when missing; refuses a folder someone else owns
     * (in a shared /tmp another user could have made it first and would see every request).
     */
    static void prepareFolder(Path socket) throws IOException {
        Path folder = socket.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder.getParent());
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
            } catch (FileAlreadyExistsException raced) {
                // Another daemon starting at the same moment made it: checked below like any existing folder.
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(folder);
            }
        }
        if (!ownedByMe(folder)) {
            throw new IOException("the folder " + folder + " belongs to another user; remove it or choose a socket with --socket or "
                    + OVERRIDE);
        }
    }

    /** Whether {@code file} belongs to the user running this JVM (true where the file system has no owners). */
    static boolean ownedByMe(Path file) {
        try {
            return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        } catch (UnsupportedOperationException noOwners) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The socket's path for the variables in {@code environment} (the client's, without a lambda: it loads classes). */
    public static Path path(java.util.Map<String, String> environment) {
        return path(new Function<String, String>() {
            @Override
            public String apply(String name) {
                return environment.get(name);
            }
        });
    }

    /** Makes the socket file owner-only (the folder already is; this also covers a socket path given by the user). */
    static void restrict(Path socket) {
        try {
            Files.setPosixFilePermissions(socket, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException | IOException e) {
            // Not POSIX: the folder's own permissions are all there is.
        }
    }
}
