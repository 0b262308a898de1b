package dev.newsbrief.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The client side, run by {@code Main} before anything heavy loads: hands a {@code build} to a
 * running daemon and replays its output. Whenever the daemon cannot serve (none running, a stale
 * socket, other code, a broken connection before the build began) the answer is empty and the
 * caller builds in its own process, as if there were no daemon.
 */
public final class DaemonClient {
    /** Set to {@code off} to never use a daemon. */
    public static final String SWITCH = "NEWSBRIEF_DAEMON";

    private DaemonClient() { }

    /**
     * The socket to hand {@code args} to, or null to build here: the command is not {@code build},
     * {@code NEWSBRIEF_DAEMON=off}, no socket file exists, or another user owns it (with
     * {@code -v}, the reason goes to {@code err}).
     */
    public static Path socketFor(String[] args, Map<String, String> environment, OutputStream err) {
        if (args.length == 0 || !"build".equals(args[0]) || "off".equals(environment.get(SWITCH))) {
            return null;
        }
        Path socket = DaemonSocket.path(environment);
        if (!Files.exists(socket)) {
            fallBack(verbose(args), err, "no daemon (no socket " + socket + ")");
            return null;
        }
        if (!DaemonSocket.ownedByMe(socket)) {
            fallBack(verbose(args), err, "the socket " + socket + " belongs to another user, who would see this environment");
            return null;
        }
        return socket;
    }

    /**
     * Runs {@code args} in the daemon on {@code socket}, replaying its stdout and stderr on
     * {@code out} and {@code err}.
     *
     * @param workingDirectory this process's, against which relative paths in {@code args} resolve
     * @param fingerprint      this client's code ({@code Fingerprint.codeFile()}); a daemon with other code refuses
     * @param terminal         whether this process is on a terminal (progress bars, colour)
     * @return the exit code of the build the daemon ran, or empty: build here
     */
    public static OptionalInt build(Path socket, String[] args, Map<String, String> environment, String workingDirectory,
            String fingerprint, boolean terminal, OutputStream out, OutputStream err) {
        Request request = new Request(Request.Kind.BUILD, fingerprint, workingDirectory, List.of(args), environment, terminal);
        try {
            return exchange(socket, request, out, err, verbose(args));
        } catch (IOException e) {
            return fallBack(verbose(args), err, "no daemon answers on " + socket + " (" + e.getMessage() + ")");
        }
    }

    private static boolean verbose(String[] args) {
        for (String arg : args) {
            if ("-v".equals(arg) || "--verbose".equals(arg)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asks the daemon on {@code socket} for its status or to stop; its answer goes to {@code out}.
     *
     * @return the daemon's exit code, or empty when no daemon listens there
     */
    public static OptionalInt control(Path socket, Request.Kind kind, OutputStream out, OutputStream err) {
        if (!Files.exists(socket)) {
            return OptionalInt.empty();
        }
        try {
            return exchange(socket, new Request(kind, "", "", List.of(), Map.of(), false), out, err, false);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether a daemon accepts connections on {@code socket} (false for a stale socket file). */
    static boolean listening(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static OptionalInt exchange(Path socket, Request request, OutputStream out, OutputStream err, boolean verbose)
            throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            Protocol.writeRequest(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))), request);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            boolean begun = false;
            try {
                while (true) {
                    int tag = in.readUnsignedByte();
                    switch (tag) {
                        case Protocol.STDOUT, Protocol.STDERR -> {
                            byte[] bytes = in.readNBytes(in.readInt());
                            OutputStream target = tag == Protocol.STDOUT ? out : err;
                            target.write(bytes);
                            target.flush();
                            begun = true;
                        }
                        case Protocol.EXIT -> {
                            return OptionalInt.of(in.readInt());
                        }
                        case Protocol.REFUSED -> {
                            return fallBack(verbose, err, "the daemon did not take the build: " + Protocol.readString(in));
                        }
                        default -> throw new IOException("the daemon sent frame type " + tag);
                    }
                }
            } catch (IOException e) {
                if (!begun) {
                    throw e instanceof EOFException ? new IOException("the daemon closed the connection", e) : e;
                }
                // Part of the output is out, so this is said even without -v; building again is safe (the output changes atomically).
                return fallBack(true, err, "the daemon stopped during the build");
            }
        }
    }

    private static OptionalInt fallBack(boolean say, OutputStream err, String why) {
        if (say) {
            PrintStream print = new PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
            print.println("newsbrief: " + why + "; building in this process");
            print.flush();
        }
        return OptionalInt.empty();
    }
}
