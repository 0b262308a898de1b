package dev.newsbrief.build;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The threads of one build. With one thread, work runs at once on the caller's thread (what a
 * build did before it had workers); with more, on that many daemon threads, which closing
 * stops (a failed build does not wait for the files after its failure).
 */
final class Workers implements AutoCloseable {
    private final ExecutorService pool;

    Workers(int threads) {
        this.pool = threads == 1 ? null
                : Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("newsbrief-build-", 1).daemon().factory());
    }

    <T> Future<T> submit(Callable<T> work) {
        if (pool != null) {
            return pool.submit(work);
        }
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Exception | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The work's result, or what it threw, unwrapped as if it had run on this thread. */
    static <T> T result(Future<T> future) {
        try {
            return resultOrIo(future);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Like {@link #result}, for work that may throw an {@link IOException}. */
    static <T> T resultOrIo(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the build was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
