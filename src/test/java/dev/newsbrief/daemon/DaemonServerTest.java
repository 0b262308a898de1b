package dev.newsbrief.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's socket, protocol and life cycle, with a stand-in for the CLI. */
class DaemonServerTest {
    private static final String CODE = "code-1";

    @TempDir
    Path dir;

    private DaemonServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Echoes the arguments and the client's directory and SOURCE_DATE_EPOCH; exit code 7. */
    private static final RequestHandler ECHO = (request, out, err) -> {
        out.println("args " + request.args() + " in " + request.workingDirectory());
        err.println("epoch " + request.environment().get("SOURCE_DATE_EPOCH") + " terminal " + request.terminal());
        return 7;
    };

    private record Answer(OptionalInt code, String out, String err) { }

    private Answer build(Path socket, String fingerprint, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt code = DaemonClient.build(socket, args, Map.of("SOURCE_DATE_EPOCH", "42"), "/client/dir", fingerprint, true, out, err);
        return new Answer(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void awaitStopped(DaemonServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!server.isStopped() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.isStopped()).as("stopped before the deadline").isTrue();
    }

    @Test
    void aBuildRequestRunsInTheDaemonWithTheClientsArgumentsEnvironmentAndExitCode() throws Exception {
        Path socket = dir.resolve("run/daemon.sock");
        server = DaemonServer.start(socket, CODE, Duration.ZERO, ECHO);
        Answer answer = build(socket, CODE, "build", "-o", "x");
        assertThat(answer.code()).hasValue(7);
        assertThat(answer.out()).isEqualTo("args [build, -o, x] in /client/dir\n");
        assertThat(answer.err()).isEqualTo("epoch 42 terminal true\n");
    }

    @Test
    void theSocketAndItsNewFolderAreOwnerOnly() throws Exception {
        Path socket = dir.resolve("run/daemon.sock");
        server = DaemonServer.start(socket, CODE, Duration.ZERO, ECHO);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
    }

    /** A client with other code is refused (so it builds itself) and says why with -v; without -v it says nothing. */
    @Test
    void aClientWithOtherCodeIsRefused() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        server = DaemonServer.start(socket, CODE, Duration.ZERO, ECHO);
        Answer quiet = build(socket, "code-2", "build");
        assertThat(quiet.code()).isEmpty();
        assertThat(quiet.out() + quiet.err()).isEmpty();
        Answer verbose = build(socket, "code-2", "build", "-v");
        assertThat(verbose.code()).isEmpty();
        assertThat(verbose.err()).contains("other newsbrief code", "building in this process");
    }

    @Test
    void onlyBuildIsServed() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        server = DaemonServer.start(socket, CODE, Duration.ZERO, ECHO);
        assertThat(build(socket, CODE, "check").code()).isEmpty();
    }

    @Test
    void aClientOfAnotherProtocolVersionIsRefused() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        server = DaemonServer.start(socket, CODE, Duration.ZERO, ECHO);
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            out.writeInt(Protocol.MAGIC);
            out.writeInt(Protocol.VERSION + 1);
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            assertThat(in.readByte()).isEqualTo(Protocol.REFUSED);
            assertThat(Protocol.readString(in)).contains("protocol " + Protocol.VERSION);
        }
    }

    /** Nobody listening: no socket file, or a stale one a killed daemon left. The client builds itself, silently. */
    @Test
    void withoutADaemonOrWithAStaleSocketTheClientBuildsItself() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        Map<String, String> environment = Map.of(DaemonSocket.OVERRIDE, socket.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(DaemonClient.socketFor(new String[] {"build"}, environment, err)).isNull();
        staleSocket(socket);
        assertThat(DaemonClient.socketFor(new String[] {"build"}, environment, err)).isEqualTo(socket);
        assertThat(build(socket, CODE, "build").code()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(build(socket, CODE, "build", "-v").err()).contains("no daemon answers on " + socket, "building in this process");
    }

    @Test
    void theClientIsOnlyForBuildsAndCanBeSwitchedOff() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        server = DaemonServer.start(socket, CODE, Duration.ZERO, ECHO);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> on = Map.of(DaemonSocket.OVERRIDE, socket.toString());
        assertThat(DaemonClient.socketFor(new String[] {"build"}, on, err)).isEqualTo(socket);
        assertThat(DaemonClient.socketFor(new String[] {"check"}, on, err)).isNull();
        assertThat(DaemonClient.socketFor(new String[] {}, on, err)).isNull();
        assertThat(DaemonClient.socketFor(new String[] {"build"}, Map.of(DaemonSocket.OVERRIDE, socket.toString(),
                DaemonClient.SWITCH, "off"), err)).isNull();
    }

    /** A socket file nobody listens on (a killed daemon's) is removed, and the new daemon serves. */
    @Test
    void aStaleSocketIsReplaced() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        staleSocket(socket);
        server = DaemonServer.start(socket, CODE, Duration.ZERO, ECHO);
        assertThat(build(socket, CODE, "build").code()).hasValue(7);
    }

    @Test
    void aSecondDaemonOnTheSameSocketIsRefused() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        server = DaemonServer.start(socket, CODE, Duration.ZERO, ECHO);
        assertThatThrownBy(() -> DaemonServer.start(socket, CODE, Duration.ZERO, ECHO))
                .isInstanceOf(DaemonServer.DaemonRunningException.class).hasMessageContaining("already listening on " + socket);
        assertThat(build(socket, CODE, "build").code()).hasValue(7);
    }

    @Test
    void statusAndStop() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        server = DaemonServer.start(socket, CODE, Duration.ZERO, ECHO);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(DaemonClient.control(socket, Request.Kind.STATUS, out, out)).hasValue(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("newsbrief daemon listening on " + socket + " (pid "
                + ProcessHandle.current().pid());
        assertThat(DaemonClient.control(socket, Request.Kind.STOP, out, out)).hasValue(0);
        awaitStopped(server);
        assertThat(socket).doesNotExist();
        assertThat(DaemonClient.control(socket, Request.Kind.STATUS, out, out)).isEmpty();
    }

    @Test
    void anIdleDaemonStops() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        server = DaemonServer.start(socket, CODE, Duration.ofMillis(300), ECHO);
        awaitStopped(server);
        assertThat(socket).doesNotExist();
    }

    /** A client that goes away mid-build (killed, Ctrl-C) ends only its own request: the build finishes and the next client is served. */
    @Test
    void aClientGoneMidBuildLeavesTheDaemonServing() throws Exception {
        Path socket = dir.resolve("daemon.sock");
        CountDownLatch clientGone = new CountDownLatch(1);
        CountDownLatch firstBuildEnded = new CountDownLatch(1);
        RequestHandler slow = (request, out, err) -> {
            if (request.args().contains("--first")) {
                out.println("started");
                try {
                    clientGone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 1000; i++) {
                    out.println("line " + i);
                    err.println("line " + i);
                }
                firstBuildEnded.countDown();
                return 0;
            }
            return ECHO.run(request, out, err);
        };
        server = DaemonServer.start(socket, CODE, Duration.ZERO, slow);
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            Protocol.writeRequest(new DataOutputStream(Channels.newOutputStream(channel)),
                    new Request(Request.Kind.BUILD, CODE, "/client", List.of("build", "--first"), Map.of(), false));
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            assertThat(in.readByte()).isEqualTo(Protocol.STDOUT);
        }
        clientGone.countDown();
        assertThat(firstBuildEnded.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(build(socket, CODE, "build").code()).hasValue(7);
        assertThat(server.isStopped()).isFalse();
    }

    @Test
    void theDefaultSocketPath() {
        assertThat(DaemonSocket.path(Map.of(DaemonSocket.OVERRIDE, "/x/d.sock", "XDG_RUNTIME_DIR", "/run/user/1"))).isEqualTo(Path.of("/x/d.sock"));
        assertThat(DaemonSocket.path(Map.of("XDG_RUNTIME_DIR", "/run/user/1"))).isEqualTo(Path.of("/run/user/1/newsbrief/daemon.sock"));
        assertThat(DaemonSocket.path(Map.of())).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"),
                "newsbrief-" + System.getProperty("user.name"), "daemon.sock"));
    }

    /** A socket file left behind: bound, then closed without removing it (as when the daemon is killed). */
    private static void staleSocket(Path socket) throws Exception {
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
    }
}
