package dev.newsbrief.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The build daemon: listens on a UNIX-domain socket and runs each client's build on its own
 * virtual thread through a {@link RequestHandler}, which keeps one warm builder (fonts parsed
 * once, code compiled) across requests. Serves clients running the same code only; stops on
 * {@link #close()}, a client's stop request, or after {@code idleTimeout} without a request.
 */
public final class DaemonServer implements AutoCloseable {
    private final Path socket;
    private final String fingerprint;
    private final RequestHandler handler;
    private final ServerSocketChannel server;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicLong lastActivity;
    private final LongSupplier nanoTime;
    private final Object idle = new Object();

    private DaemonServer(Path socket, String fingerprint, RequestHandler handler, ServerSocketChannel server, LongSupplier nanoTime) {
        this.socket = socket;
        this.fingerprint = fingerprint;
        this.handler = handler;
        this.server = server;
        this.nanoTime = nanoTime;
        this.lastActivity = new AtomicLong(nanoTime.getAsLong());
    }

    /**
     * Binds {@code socket} (removing a stale socket file nobody listens on) and starts serving.
     *
     * @param fingerprint the code this daemon runs; clients with other code are told to build themselves
     * @param idleTimeout how long to wait for a request before stopping; zero for ever
     * @throws DaemonRunningException when a daemon already listens there
     * @throws IOException when the socket cannot be made
     */
    public static DaemonServer start(Path socket, String fingerprint, Duration idleTimeout, RequestHandler handler) throws IOException {
        DaemonSocket.prepareFolder(socket);
        if (Files.exists(socket)) {
            if (DaemonClient.listening(socket)) {
                throw new DaemonRunningException(socket);
            }
            // A socket file left by a daemon that was killed: nobody answers on it.
            Files.delete(socket);
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen on " + socket + ": " + e.getMessage(), e);
        }
        DaemonSocket.restrict(socket);
        DaemonServer daemon = new DaemonServer(socket, fingerprint, handler, channel, System::nanoTime);
        Thread.ofPlatform().name("newsbrief-daemon-accept").daemon(true).start(daemon::accept);
        if (!idleTimeout.isZero() && !idleTimeout.isNegative()) {
            Thread.ofPlatform().name("newsbrief-daemon-idle").daemon(true).start(() -> daemon.stopWhenIdle(idleTimeout));
        }
        return daemon;
    }

    /** The socket this daemon listens on. */
    public Path socket() {
        return socket;
    }

    /** Waits until the daemon has stopped. */
    public void join() throws InterruptedException {
        stopped.await();
    }

    /** Whether the daemon has stopped listening. */
    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** Stops listening and removes the socket file; builds under way finish on their own threads. */
    @Override
    public void close() {
        synchronized (idle) {
            if (isStopped()) {
                return;
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // Closing a listening socket has nothing left to fail on that would matter.
            }
            try {
                Files.deleteIfExists(socket);
            } catch (IOException ignored) {
                // The next daemon removes a stale socket file itself.
            }
            stopped.countDown();
            idle.notifyAll();
        }
    }

    private void accept() {
        while (!isStopped()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException closed) {
                break;
            } catch (IOException e) {
                if (isStopped()) {
                    break;
                }
                continue;
            }
            Thread.ofVirtual().name("newsbrief-daemon-client").start(() -> serve(client));
        }
        close();
    }

    private void serve(SocketChannel client) {
        running.incrementAndGet();
        lastActivity.set(nanoTime.getAsLong());
        try (client) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
            FrameStream.Connection connection = new FrameStream.Connection(
                    new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client))));
            Request request;
            try {
                request = Protocol.readRequest(in);
            } catch (Protocol.ProtocolException e) {
                connection.refuse(e.getMessage());
                return;
            }
            switch (request.kind()) {
                case STATUS -> {
                    answer(connection, "newsbrief daemon listening on " + socket + " (pid " + ProcessHandle.current().pid() + ", "
                            + served.get() + " builds served)\n");
                }
                case STOP -> {
                    answer(connection, "newsbrief daemon on " + socket + " stopped\n");
                    close();
                }
                case BUILD -> build(request, connection);
                default -> connection.refuse("unknown request");
            }
        } catch (IOException clientGone) {
            // The client went away before asking anything: nothing to answer.
        } finally {
            lastActivity.set(nanoTime.getAsLong());
            running.decrementAndGet();
        }
    }

    private static void answer(FrameStream.Connection connection, String line) {
        connection.frame(Protocol.STDOUT, line.getBytes(StandardCharsets.UTF_8));
        connection.exit(0);
    }

    private void build(Request request, FrameStream.Connection connection) {
        if (!fingerprint.equals(request.fingerprint())) {
            connection.refuse("the daemon runs other newsbrief code than this client (restart it: newsbrief daemon --stop)");
            return;
        }
        if (request.args().isEmpty() || !"build".equals(request.args().get(0))) {
            connection.refuse("the daemon runs only 'build'");
            return;
        }
        // The same writers as Main's: UTF-8, flushed at each line; each flush is one frame.
        PrintWriter out = new PrintWriter(new FrameStream(connection, Protocol.STDOUT), true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(new FrameStream(connection, Protocol.STDERR), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = handler.run(request, out, err);
        } catch (RuntimeException | LinkageError e) {
            // The handler reports every failure itself; this is a bug, told like the CLI tells one, and the daemon goes on.
            err.println("newsbrief: internal error: " + e + " (please report this with the command you ran)");
            code = 1;
        }
        out.flush();
        err.flush();
        served.incrementAndGet();
        connection.exit(code);
    }

    private void stopWhenIdle(Duration idleTimeout) {
        long timeout = idleTimeout.toNanos();
        synchronized (idle) {
            while (!isStopped()) {
                long quiet = nanoTime.getAsLong() - lastActivity.get();
                if (running.get() == 0 && quiet >= timeout) {
                    close();
                    return;
                }
                long waitNanos = running.get() > 0 ? timeout : timeout - quiet;
                try {
                    idle.wait(Math.max(1, waitNanos / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A daemon already listens on the socket: a second one would take its clients away. */
    public static final class DaemonRunningException extends IOException {
        private static final long serialVersionUID = 1L;

        DaemonRunningException(Path socket) {
            super("a newsbrief daemon is already listening on " + socket + " (stop it with: newsbrief daemon --stop)");
        }
    }
}
