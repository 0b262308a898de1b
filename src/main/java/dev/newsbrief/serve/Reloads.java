package dev.newsbrief.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The {@code /events} stream (Server-Sent Events) that tells open pages to reload. Each change
 * of the inputs is a new generation; a page knows the generation it was rendered in and asks
 * for {@code /events?since=N}, so a change that happens between rendering a page and opening
 * its stream still reloads it.
 */
final class Reloads {
    /** Milliseconds a browser waits before reconnecting a dropped stream (its default is seconds). */
    private static final int RETRY_MILLIS = 300;

    private final AtomicLong generation = new AtomicLong();
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    /** The current generation: pages rendered now carry it. */
    long generation() {
        return generation.get();
    }

    /** Starts a new generation and tells every open page to reload. */
    void changed() {
        generation.incrementAndGet();
        clients.forEach(client -> client.send("event: reload\ndata: " + generation.get() + "\n\n"));
    }

    /** Keeps idle streams open through proxies and idle timeouts, and finds the closed ones. */
    void heartbeat() {
        clients.forEach(client -> client.send(": keep-alive\n\n"));
    }

    /** Opens a stream; the response stays open (its callback pending) until the page goes or the server stops. */
    void open(Response response, Callback callback, long since) {
        if (stopping) {
            // 204 tells EventSource not to reconnect: a stream opened now would hold the server's stop up.
            response.setStatus(204);
            response.write(true, null, callback);
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Client client = new Client(response, callback);
        clients.add(client);
        client.send("retry: " + RETRY_MILLIS + "\n\n");
        if (since < generation.get()) {
            client.send("event: reload\ndata: " + generation.get() + "\n\n");
        }
    }

    /** Ends every stream: the server is stopping. */
    void closeAll() {
        stopping = true;
        clients.forEach(Client::finish);
    }

    int openStreams() {
        return clients.size();
    }

    /** One open stream. Jetty allows one write in flight per response, so writes queue. */
    private final class Client {
        private final Response response;
        private final Callback callback;
        private final Queue<String> queue = new ArrayDeque<>();
        private boolean writing;
        private boolean done;

        Client(Response response, Callback callback) {
            this.response = response;
            this.callback = callback;
        }

        synchronized void send(String event) {
            if (done) {
                return;
            }
            queue.add(event);
            if (!writing) {
                writeNext();
            }
        }

        private void writeNext() {
            String next = queue.poll();
            writing = next != null;
            if (next != null) {
                response.write(false, ByteBuffer.wrap(next.getBytes(StandardCharsets.UTF_8)), Callback.from(() -> {
                    synchronized (this) {
                        writeNext();
                    }
                }, this::failed));
            }
        }

        private void failed(Throwable failure) {
            // The page is gone (closed, reloaded): forget it.
            synchronized (this) {
                done = true;
                queue.clear();
            }
            clients.remove(this);
            callback.failed(failure);
        }

        void finish() {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            clients.remove(this);
            try {
                response.write(true, ByteBuffer.allocate(0), callback);
            } catch (RuntimeException e) {
                // A heartbeat still in flight: the server's stop closes the connection anyway.
                callback.failed(e);
            }
        }
    }
}
