package dev.newsbrief.daemon;

import java.io.PrintWriter;

/** Runs one client's command in the daemon, as the CLI would in the client's own process (cli provides it). */
@FunctionalInterface
public interface RequestHandler {
    /**
     * Runs {@code request.args()} for the client, writing what it would print to {@code out}
     * and {@code err} (both reach the client's own stdout and stderr).
     *
     * @return the exit code the client exits with
     */
    int run(Request request, PrintWriter out, PrintWriter err);
}
