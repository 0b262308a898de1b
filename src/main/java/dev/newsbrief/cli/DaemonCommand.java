package dev.newsbrief.cli;

import dev.newsbrief.build.Builder;
import dev.newsbrief.build.Fingerprint;
import dev.newsbrief.daemon.DaemonClient;
import dev.newsbrief.daemon.DaemonServer;
import dev.newsbrief.daemon.DaemonSocket;
import dev.newsbrief.daemon.Request;
import dev.newsbrief.daemon.RequestHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsbrief daemon}: a warm newsbrief that {@code newsbrief build} hands its builds to while it runs. */
@Command(name = "daemon",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        // picocli sorts option names upper-cased in the default locale: under tr, --idle-timeout (İDLE) moved after --socket
        // and the man page depended on the machine. Declaration order is the same everywhere.
        sortOptions = false,
        sortSynopsis = false,
        description = {
            "Runs a build daemon in the foreground: while it runs, 'newsbrief build' hands its work to it and prints what it "
                + "prints, so builds skip the JVM's start-up and font parsing. Output, messages and exit codes are those of a build "
                + "in the client's own process, with the client's directory and environment (SOURCE_DATE_EPOCH included).",
            "The socket: $NEWSBRIEF_DAEMON_SOCKET, else $XDG_RUNTIME_DIR/newsbrief/daemon.sock, else "
                + "<tmpdir>/newsbrief-<user>/daemon.sock, in a folder only its owner can open. A client builds in its own process "
                + "when no daemon answers, when the daemon runs other newsbrief code, or with NEWSBRIEF_DAEMON=off; "
                + "'build -v' says which. Stops on Ctrl-C, SIGTERM, 'newsbrief daemon --stop' or the idle timeout."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the daemon stopped; --stop, --status: a daemon answered",
            "1:--stop, --status: no daemon listens on the socket",
            "2:wrong command line",
            "4:the socket cannot be made, or another daemon already listens on it"})
final class DaemonCommand implements Callable<Integer> {
    /** The daemon's default idle timeout, as --help shows it. */
    static final String DEFAULT_IDLE = "3h";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<String, String> environment;

    DaemonCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Option(names = "--socket", paramLabel = "PATH",
            description = "The socket to listen on (or, with --stop and --status, to talk to). "
                + "Default: $NEWSBRIEF_DAEMON_SOCKET, $XDG_RUNTIME_DIR/newsbrief/daemon.sock or <tmpdir>/newsbrief-<user>/daemon.sock.")
    Path socket;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = DEFAULT_IDLE,
            description = "Stop after this long without a request: a number with s, m, h or d (90s, 30m, 3h), or 0 for never. "
                + "Default: ${DEFAULT-VALUE}.")
    String idleTimeout;

    @Option(names = "--stop", description = "Stop the running daemon, and exit.")
    boolean stop;

    @Option(names = "--status", description = "Say whether a daemon runs, on which socket and with which process id, and exit.")
    boolean status;

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd]?)");

    /** {@code text} as a duration: 0, a number with s, m, h or d, or ISO-8601 (PT3H). */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> amount == 0 ? Duration.ZERO : null;
            };
        }
        try {
            Duration iso = Duration.parse(text.strip());
            return iso.isNegative() ? null : iso;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Runs a client's command line as {@link Main} would in the client's process: with its
     * environment, terminal and working directory, and with {@code builder} shared by every request.
     */
    static RequestHandler handler(Builder builder) {
        return (request, out, err) -> {
            Function<String, String> environment = request.environment()::get;
            Console console = Console.of(request.terminal(), environment);
            Path workingDirectory = Path.of(request.workingDirectory());
            String[] args = request.args().toArray(String[]::new);
            Map<String, String> names = typedStoryNames(workingDirectory, args,
                    NewsbriefCommand.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), environment,
                            console, builder, workingDirectory));
            PrintWriter clientErr = names.isEmpty() ? err : new PrintWriter(new TypedNames(err, names), true);
            return NewsbriefCommand.commandLine(out, clientErr, environment, console, builder, workingDirectory).execute(args);
        };
    }

    /**
     * Each relative STORY on the command line, resolved against the client's directory, mapped to
     * the name as given: messages name a story's files as a build in the client's own process
     * does ({@code bad.yaml:3:1}, not {@code /home/me/bad.yaml:3:1}). Output and template folders
     * are left alone: a local build names them by their absolute paths too.
     */
    static Map<String, String> typedStoryNames(Path workingDirectory, String[] args, CommandLine commandLine) {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            CommandLine.ParseResult parsed = commandLine.parseArgs(args);
            if (!parsed.hasSubcommand()) {
                return names;
            }
            for (CommandLine.Model.PositionalParamSpec story : parsed.subcommand().matchedPositionals()) {
                for (String typed : story.originalStringValues()) {
                    Path path = Path.of(typed);
                    if (!path.isAbsolute()) {
                        names.put(workingDirectory.resolve(path).toString(), path.toString());
                    }
                }
            }
        } catch (CommandLine.ParameterException | InvalidPathException e) {
            // The build reports the same command line error itself; no story is read.
        }
        return names;
    }

    /** Writes to {@code target}, with each resolved story path turned back into the name the user typed, at each flush. */
    static final class TypedNames extends Writer {
        private final PrintWriter target;
        private final Map<String, String> names;
        private final StringBuilder pending = new StringBuilder();

        TypedNames(PrintWriter target, Map<String, String> names) {
            this.target = target;
            this.names = names;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            synchronized (lock) {
                pending.append(chars, offset, length);
            }
        }

        @Override
        public void flush() {
            synchronized (lock) {
                target.print(typed(pending.toString(), names));
                target.flush();
                pending.setLength(0);
            }
        }

        @Override
        public void close() {
            flush();
        }

        /** {@code text} with each resolved path that ends there or at a separator (not inside a longer name) replaced. */
        static String typed(String text, Map<String, String> names) {
            String result = text;
            for (Map.Entry<String, String> name : names.entrySet()) {
                StringBuilder replaced = new StringBuilder();
                int from = 0;
                for (int at = result.indexOf(name.getKey()); at >= 0; at = result.indexOf(name.getKey(), at + 1)) {
                    int end = at + name.getKey().length();
                    boolean whole = end == result.length() || !continuesName(result.charAt(end));
                    if (whole && at >= from) {
                        replaced.append(result, from, at).append(name.getValue());
                        from = end;
                    }
                }
                result = replaced.append(result, from, result.length()).toString();
            }
            return result;
        }

        private static boolean continuesName(char c) {
            return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '~';
        }
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (stop && status) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stop and --status exclude each other");
        }
        Path path = socket != null ? socket : DaemonSocket.path(environment);
        if (stop || status) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            OptionalInt code = DaemonClient.control(path, stop ? Request.Kind.STOP : Request.Kind.STATUS, answer, answer);
            if (code.isEmpty()) {
                err.println("newsbrief: no daemon is listening on " + path);
                err.flush();
                return ExitCode.SOFTWARE;
            }
            out.print(answer.toString(StandardCharsets.UTF_8));
            out.flush();
            return code.getAsInt();
        }
        Duration idle = duration(idleTimeout);
        if (idle == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--idle-timeout: '" + idleTimeout
                    + "' is not a duration; give a number with s, m, h or d (90s, 30m, 3h), or 0 for never");
        }
        // One builder for every client: fonts, font configurations and web fonts are parsed once, at the first build.
        Builder builder = new Builder();
        DaemonServer server;
        try {
            server = DaemonServer.start(path, Fingerprint.codeFile(), idle, handler(builder));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        // Ctrl-C and SIGTERM run the hook: it stops listening and removes the socket file.
        Thread hook = new Thread(server::close, "newsbrief-daemon-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("newsbrief daemon listening on " + server.socket() + " (stop: newsbrief daemon --stop)");
        out.flush();
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is what stopped us.
        }
        return ExitCode.OK;
    }
}
