package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.Builder;
import dev.newsbrief.build.Fingerprint;
import dev.newsbrief.daemon.DaemonServer;
import dev.newsbrief.daemon.DaemonSocket;
import dev.newsbrief.daemon.RequestHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsbrief build} through a running daemon does what it does without one: same files, messages and exit codes. */
class DaemonCommandTest {
    @TempDir
    Path dir;

    private DaemonServer server;
    /** Builds the daemon ran, to tell them from builds the client ran itself. */
    private final AtomicInteger served = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Path startDaemon(String fingerprint) throws Exception {
        Path socket = dir.resolve("run/daemon.sock");
        RequestHandler cli = DaemonCommand.handler(new Builder());
        server = DaemonServer.start(socket, fingerprint, Duration.ZERO, (request, out, err) -> {
            served.incrementAndGet();
            return cli.run(request, out, err);
        });
        return socket;
    }

    private record Run(int code, String out, String err) { }

    /** What {@code java -jar newsbrief.jar args} does, in {@code workingDirectory}, with the daemon on {@code socket} if one runs. */
    private static Run main(Path socket, Path workingDirectory, Map<String, String> variables, String... args) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put(DaemonSocket.OVERRIDE, socket.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, environment, workingDirectory.toString(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run local(Path socket, Map<String, String> variables, String... args) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("NEWSBRIEF_DAEMON", "off");
        return main(socket, Path.of("").toAbsolutePath(), environment, args);
    }

    /** Every published file's bytes, by path (the release folder behind them left out). */
    private static Map<String, byte[]> files(Path output) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(output, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = output.relativize(file).toString();
                if (!name.startsWith(".newsbrief")) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    @Test
    void theDefaultStoryThroughTheDaemonIsByteIdenticalToALocalBuild() throws Exception {
        Path socket = startDaemon(Fingerprint.codeFile());
        Path output = dir.resolve("output");
        Map<String, String> environment = Map.of("SOURCE_DATE_EPOCH", "1000000000");
        Run here = local(socket, environment, "build", "-o", output.toString(), "--force");
        Map<String, byte[]> builtHere = files(output);
        Run there = main(socket, dir, environment, "build", "-o", output.toString(), "--force");
        assertThat(served).hasValue(1);
        assertThat(there).isEqualTo(here);
        assertThat(here.code()).isZero();
        assertThat(here.out()).contains("wrote pack/" + Fixtures.DEFAULT_ID + ".pdf", "manifest.json (9 files)");
        Map<String, byte[]> builtThere = files(output);
        assertThat(builtThere.keySet()).isEqualTo(builtHere.keySet()).contains("en/" + Fixtures.DEFAULT_ID + ".pdf", "manifest.json");
        builtHere.forEach((name, bytes) -> assertThat(builtThere.get(name)).as(name).isEqualTo(bytes));
    }

    /** Exit 3 and the very message of a local build, and nothing is published. */
    @Test
    void aBadStoryFailsThroughTheDaemonAsItFailsHere() throws Exception {
        Path socket = startDaemon(Fingerprint.codeFile());
        String bad = Fixtures.fixture("bad/unknown-entity.yaml").toString();
        Path output = dir.resolve("output");
        Run here = local(socket, Map.of(), "build", bad, "-o", output.toString());
        Run there = main(socket, dir, Map.of(), "build", bad, "-o", output.toString());
        assertThat(served).hasValue(1);
        assertThat(there).isEqualTo(here);
        assertThat(here.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(here.err()).startsWith("newsbrief: " + bad + ":");
        assertThat(output.resolve("manifest.json")).doesNotExist();
    }

    /** A story named relative to the client's directory is named so in the message too, as a local build names it. */
    @Test
    void aRelativeBadStoryIsNamedAsTyped() throws Exception {
        Path socket = startDaemon(Fingerprint.codeFile());
        String bad = "src/test/resources/fixture/bad/unknown-entity.yaml";
        assertThat(Path.of(bad)).isRegularFile();
        Path output = dir.resolve("output");
        Run here = local(socket, Map.of(), "build", bad, "-o", output.toString());
        Run there = main(socket, Path.of("").toAbsolutePath(), Map.of(), "build", bad, "-o", output.toString());
        assertThat(served).hasValue(1);
        assertThat(there).isEqualTo(here);
        assertThat(here.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(here.err()).startsWith("newsbrief: " + bad + ":");
    }

    @Test
    void onlyWholeResolvedStoryPathsAreTurnedBack() {
        Map<String, String> names = Map.of("/home/me/stories/a", "stories/a");
        assertThat(DaemonCommand.TypedNames.typed("/home/me/stories/a/story.yaml:3:1: x; /home/me/stories/a: y; "
                + "/home/me/stories/ab/story.yaml and /home/me/stories/a", names))
                .isEqualTo("stories/a/story.yaml:3:1: x; stories/a: y; /home/me/stories/ab/story.yaml and stories/a");
    }

    /** Wrong command lines too: the same usage message and exit code 2. */
    @Test
    void aWrongCommandLineFailsThroughTheDaemonAsItFailsHere() throws Exception {
        Path socket = startDaemon(Fingerprint.codeFile());
        Run here = local(socket, Map.of(), "build", "--no-such-option");
        Run there = main(socket, dir, Map.of(), "build", "--no-such-option");
        assertThat(served).hasValue(1);
        assertThat(there).isEqualTo(here);
        assertThat(here.code()).isEqualTo(ExitCode.USAGE);
    }

    /** The daemon runs elsewhere: a relative STORY and the default --output are the client's. */
    @Test
    void relativePathsResolveAgainstTheClientsDirectory() throws Exception {
        Path socket = startDaemon(Fingerprint.codeFile());
        Path client = dir.resolve("client");
        Path bundle = Files.createDirectories(client.resolve("stories/minimal"));
        Files.copy(Fixtures.fixture("stories/minimal/story.yaml"), bundle.resolve("story.yaml"));
        Run run = main(socket, client, Map.of(), "build", "stories/minimal", "-f", "html", "-l", "en");
        assertThat(served).hasValue(1);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(client.resolve("output/en/minimal-summit-2026.html")).isRegularFile();
        assertThat(run.out()).endsWith("in " + client.resolve("output") + "\n");

        Run named = main(socket, client, Map.of(), "build", "stories/minimal", "-f", "html", "-l", "en", "--output", "elsewhere");
        assertThat(named.code()).as(named.err()).isZero();
        assertThat(client.resolve("elsewhere/en/minimal-summit-2026.html")).isRegularFile();
    }

    /** SOURCE_DATE_EPOCH is the client's, not the daemon's: it sets the PDFs' dates. */
    @Test
    void theClientsSourceDateEpochReachesThePdf() throws Exception {
        Path socket = startDaemon(Fingerprint.codeFile());
        Path output = dir.resolve("output");
        Run run = main(socket, dir, Map.of("SOURCE_DATE_EPOCH", "1000000000"), "build", "-f", "pdf", "-l", "en", "-o", output.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(served).hasValue(1);
        try (PDDocument pdf = Loader.loadPDF(output.resolve("en/" + Fixtures.DEFAULT_ID + ".pdf").toFile())) {
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(Instant.ofEpochSecond(1_000_000_000L));
        }
    }

    /** No daemon, a stale socket, a daemon with other code: the client builds in its own process, and says nothing of it. */
    @Test
    void withoutAUsableDaemonTheClientBuildsItself() throws Exception {
        Path socket = dir.resolve("run/daemon.sock");
        Run none = main(socket, dir, Map.of(), "build", "-f", "html", "-l", "en", "-o", dir.resolve("none").toString());
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.err()).isEmpty();
        assertThat(dir.resolve("none/en/" + Fixtures.DEFAULT_ID + ".html")).isRegularFile();

        Files.createDirectories(socket.getParent());
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        Run stale = main(socket, dir, Map.of(), "build", "-f", "html", "-l", "en", "-o", dir.resolve("stale").toString());
        assertThat(stale.code()).as(stale.err()).isZero();
        assertThat(stale.err()).isEmpty();
        assertThat(dir.resolve("stale/en/" + Fixtures.DEFAULT_ID + ".html")).isRegularFile();

        startDaemon("other code");
        Run other = main(socket, dir, Map.of(), "build", "-f", "html", "-l", "en", "-o", dir.resolve("other").toString(), "-v");
        assertThat(other.code()).as(other.err()).isZero();
        assertThat(served).hasValue(0);
        assertThat(other.err()).contains("newsbrief: the daemon did not take the build: the daemon runs other newsbrief code");
        assertThat(dir.resolve("other/en/" + Fixtures.DEFAULT_ID + ".html")).isRegularFile();
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err), name -> null).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void stopStopsARunningDaemonAndStatusSaysWhetherOneRuns() throws Exception {
        Path socket = startDaemon(Fingerprint.codeFile());
        Run status = cli("daemon", "--status", "--socket", socket.toString());
        assertThat(status.code()).isZero();
        assertThat(status.out()).startsWith("newsbrief daemon listening on " + socket + " (pid ");
        Run stop = cli("daemon", "--stop", "--socket", socket.toString());
        assertThat(stop.code()).isZero();
        assertThat(stop.out()).isEqualTo("newsbrief daemon on " + socket + " stopped\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!server.isStopped() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.isStopped()).isTrue();
        assertThat(socket).doesNotExist();
        Run none = cli("daemon", "--stop", "--socket", socket.toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("newsbrief: no daemon is listening on " + socket + "\n");
    }

    /** The command itself: one line when it listens; it serves until the idle timeout, then exits 0 and removes its socket. */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void theDaemonCommandListensAndStopsWhenIdle() throws Exception {
        Path socket = dir.resolve("own/daemon.sock");
        Run run = cli("daemon", "--socket", socket.toString(), "--idle-timeout", "1s");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("newsbrief daemon listening on " + socket + " (stop: newsbrief daemon --stop)\n");
        assertThat(socket).doesNotExist();
    }

    @Test
    void aWrongIdleTimeoutIsAUsageError() {
        Run run = cli("daemon", "--socket", dir.resolve("d.sock").toString(), "--idle-timeout", "soon");
        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--idle-timeout: 'soon' is not a duration");
    }

    @Test
    void durations() {
        assertThat(DaemonCommand.duration("0")).isEqualTo(Duration.ZERO);
        assertThat(DaemonCommand.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DaemonCommand.duration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DaemonCommand.duration("3h")).isEqualTo(Duration.ofHours(3));
        assertThat(DaemonCommand.duration("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DaemonCommand.duration("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DaemonCommand.duration("5")).isNull();
        assertThat(DaemonCommand.duration("-1h")).isNull();
    }
}
