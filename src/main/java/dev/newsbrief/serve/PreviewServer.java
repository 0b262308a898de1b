package dev.newsbrief.serve;

import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.Format;
import dev.newsbrief.build.Preview;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code newsbrief serve}: a local preview of the stories on Jetty 12 (its core Handler API).
 * Serves an index, each HTML brief and PDF as the build makes them, the briefing packs, and a
 * side-by-side view of one story's languages; watches the inputs and tells open pages to reload
 * ({@code /events}, Server-Sent Events) when one changes. A broken input is an HTTP 500 page
 * naming file, line, column and field, with the offending line. No URL maps to a file: stories
 * and languages are looked up by name among those loaded, so no path can leave the inputs.
 */
public final class PreviewServer implements AutoCloseable {
    /** Seconds between keep-alive comments on open event streams (below the connector's idle timeout). */
    private static final long HEARTBEAT_SECONDS = 15;
    private static final long IDLE_TIMEOUT_MILLIS = 60_000;

    private static final Pattern BRIEF = Pattern.compile("/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+)\\.(html|pdf)");
    private static final Pattern SIDE_BY_SIDE = Pattern.compile("/side-by-side/([A-Za-z0-9._-]+)");

    private final Preview preview;
    private final PreviewPages pages = new PreviewPages();
    private final Reloads reloads = new Reloads();
    private final List<Path> roots;
    private final Server server;
    private final ServerConnector connector;
    private final FileWatcher watcher;
    private final ScheduledExecutorService heartbeat;

    /**
     * Starts serving on {@code host}:{@code port} (0: any free port) and watching the inputs.
     *
     * @param options  the build's inputs (stories, templates, translations, languages, paper, limits)
     * @param listener told of every file rendered (renders served from the cache are not)
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static PreviewServer start(BuildOptions options, String host, int port, Preview.Listener listener) {
        return new PreviewServer(options, host, port, listener);
    }

    private PreviewServer(BuildOptions options, String host, int port, Preview.Listener listener) {
        this.preview = new Preview(options, listener);
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of("").toAbsolutePath());
        preview.inputs().stream().filter(java.nio.file.Files::isDirectory).forEach(folders::add);
        this.roots = List.copyOf(folders);
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("newsbrief-serve");
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        server.addConnector(connector);
        server.setHandler(new Routes());
        server.setStopTimeout(2_000);
        // The command stops it (on Ctrl-C or SIGTERM) itself, after the watcher: Jetty's own hook would race it.
        server.setStopAtShutdown(false);
        watcher = new FileWatcher(preview.inputs(), this::changed);
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "newsbrief-serve-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(reloads::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new UncheckedIOException("cannot serve on " + host + ":" + port + ": " + e.getMessage()
                    + "; choose another --port (0 picks a free one)", e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Where the index is, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host = connector.getHost();
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + connector.getLocalPort() + "/");
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Drops the renders the change may affect and reloads the open pages; called by the watcher (and tests). */
    void changed(Set<Path> paths) {
        preview.changed(paths);
        reloads.changed();
    }

    /** The open event streams: pages that will reload on a change. */
    int openStreams() {
        return reloads.openStreams();
    }

    @Override
    public void close() {
        watcher.close();
        heartbeat.shutdownNow();
        reloads.closeAll();
        try {
            server.stop();
        } catch (java.util.concurrent.TimeoutException e) {
            // A connection still busy after the stop timeout was closed: the server is stopped all the same.
        } catch (Exception e) {
            throw new IllegalStateException("the preview server did not stop: " + e.getMessage(), e);
        }
    }

    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                send(response, callback, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return true;
            }
            String path = Request.getPathInContext(request);
            long generation = reloads.generation();
            try {
                if (path.equals("/events")) {
                    reloads.open(response, callback, since(request));
                    return true;
                }
                Page page = route(path, generation);
                send(response, callback, page.status(), page.type(), page.body());
            } catch (InvalidInputException e) {
                String html = pages.render(PreviewPages.ERROR, Map.of("error", ErrorReport.of(e, roots)), generation);
                send(response, callback, 500, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                String html = pages.render(PreviewPages.ERROR, Map.of("internal", describe(e)), generation);
                send(response, callback, 500, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            }
            return true;
        }

        private Page route(String path, long generation) {
            if (path.equals("/")) {
                return html(200, pages.render(PreviewPages.INDEX, Map.of("stories", preview.stories()), generation));
            }
            Matcher sideBySide = SIDE_BY_SIDE.matcher(path);
            if (sideBySide.matches()) {
                return sideBySide(sideBySide.group(1), generation).orElseGet(() -> notFound(path, generation));
            }
            Matcher brief = BRIEF.matcher(path);
            if (brief.matches()) {
                String tag = brief.group(1);
                String story = brief.group(2);
                boolean html = brief.group(3).equals("html");
                Format format = tag.equals("pack") ? (html ? null : Format.PACK) : html ? Format.HTML : Format.PDF;
                Optional<byte[]> bytes = format == null ? Optional.empty() : preview.render(story, format, tag);
                if (bytes.isEmpty()) {
                    return notFound(path, generation);
                }
                if (format == Format.HTML) {
                    return html(200, withReloadScript(new String(bytes.get(), StandardCharsets.UTF_8), generation));
                }
                return new Page(200, "application/pdf", bytes.get());
            }
            return notFound(path, generation);
        }

        private Optional<Page> sideBySide(String storyId, long generation) {
            Optional<Preview.PreviewStory> story = preview.stories().stream().filter(s -> s.id().equals(storyId)).findFirst();
            if (story.isEmpty()) {
                return Optional.empty();
            }
            List<SideBySide.Page> briefs = new ArrayList<>();
            for (Preview.Language language : story.get().languages()) {
                byte[] html = preview.render(storyId, Format.HTML, language.tag()).orElseThrow();
                briefs.add(new SideBySide.Page(language.tag(), language.name(), new String(html, StandardCharsets.UTF_8)));
            }
            return Optional.of(html(200, pages.render(PreviewPages.SIDE_BY_SIDE,
                    Map.of("story", storyId, "view", SideBySide.of(briefs)), generation)));
        }

        private Page notFound(String path, long generation) {
            return html(404, pages.render(PreviewPages.NOT_FOUND, Map.of("path", path), generation));
        }

        /** The brief as built, with the reload script before {@code </body>}: only the preview's copy has it. */
        private String withReloadScript(String html, long generation) {
            int end = html.lastIndexOf("</body>");
            String script = pages.reloadScript(generation);
            return end < 0 ? html + script : html.substring(0, end) + script + html.substring(end);
        }
    }

    private static long since(Request request) {
        Fields query = Request.extractQueryParameters(request);
        String since = query.getValue("since");
        try {
            return since == null ? Long.MAX_VALUE : Long.parseLong(since);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof UncheckedIOException) {
            return e.getMessage();
        }
        return "internal error: " + e;
    }

    private record Page(int status, String type, byte[] body) { }

    private static Page html(int status, String html) {
        return new Page(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        // Every answer is made from the inputs as they are now: never from a browser's cache.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
