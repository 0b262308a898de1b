package dev.newsbrief.render;

import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.model.InvalidInputException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The wall-clock budget ({@code render-seconds}) of rendering one output file.
 *
 * <p>{@link #run} does the work on a render thread and interrupts it when the time is up, as
 * FreeMarker's online tester does: templates carry FreeMarker's interruption checks in every
 * loop, and the PDF layout checks {@link #check()} at every block. The caller's thread is never
 * interrupted, and a render thread's flag is cleared before its next work, so no interrupt leaks
 * into later work. Work that
 * ignores the interrupt (a runaway {@code ?interpret}ed template, a recursion without loops) is
 * abandoned after a short grace period: the caller still gets its error on time, and the daemon
 * thread cannot keep the process alive.
 */
public final class Deadline {
    /** How long stopped work may take to notice the interrupt before it is abandoned. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** The main thread's usual stack: templates that worked on the main thread keep working here. */
    private static final long STACK_BYTES = 8L * 1024 * 1024;
    /** Names of render threads, busy ones with the file they render (seen in thread dumps, and by tests). */
    static final String BUSY = "newsbrief-render: ";
    private static final String IDLE = "newsbrief-render (idle)";
    /**
     * Render threads are reused: a new thread per file cost 0.1-0.6 ms. The pool clears a thread's
     * interrupt flag before its next task; an abandoned thread keeps its slot until it ends and the
     * pool makes another. Daemon threads, dropped after 30 s idle, never keep the JVM alive.
     */
    private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Worker::new);

    private final String file;
    private final int seconds;
    private final long end;

    private Deadline(String file, int seconds) {
        this.file = file;
        this.seconds = seconds;
        this.end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    /** A budget of {@code seconds} from now for rendering {@code file} (named in the error). */
    public static Deadline start(String file, int seconds) {
        return new Deadline(file, seconds);
    }

    /** The error for this deadline. */
    public LimitExceededException exceeded() {
        return new LimitExceededException(file, "render-seconds",
                "rendering " + file + " did not finish within the limit of " + seconds + " seconds");
    }

    /**
     * For work that runs in steps (PDF layout): throws {@link #exceeded()} when the time is up or
     * the thread was interrupted by {@link #run}.
     */
    public void check() {
        if (Thread.currentThread().isInterrupted() || System.nanoTime() - end > 0) {
            throw exceeded();
        }
    }

    /**
     * Does {@code work} within this deadline and returns its result or throws its exception.
     * Inside another deadline's work it simply runs: the outer deadline (the whole output file) governs.
     *
     * @throws LimitExceededException when the time is up
     */
    public <T> T run(Callable<T> work) {
        if (Thread.currentThread() instanceof Worker) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CountDownLatch ended = new CountDownLatch(1);
        Future<T> future = WORKERS.submit(() -> {
            Thread self = Thread.currentThread();
            self.setName(BUSY + file);
            try {
                return work.call();
            } finally {
                self.setName(IDLE);
                ended.countDown();
            }
        });
        try {
            return future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            try {
                ended.await(GRACE_NANOS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            // Stopped, or still running and abandoned (it keeps its pool thread until it ends): the time was up.
            throw exceeded();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            // The caller is being stopped (not by us): stop the work too and keep the caller's flag.
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("rendering " + file + " was interrupted");
        }
    }

    private RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof StackOverflowError) {
            // Only a template can recurse without end here (a macro or function calling itself).
            return new InvalidInputException(file, 0, 0, "",
                    "rendering recursed too deeply; look for a macro or function that calls itself without end");
        }
        if (cause instanceof OutOfMemoryError) {
            // Output and time are bounded, but a template can still build a huge string or list in memory.
            return new InvalidInputException(file, 0, 0, "",
                    "rendering ran out of memory; look for a template that builds huge strings or lists"
                            + " (or give the JVM more memory with -Xmx)");
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("rendering " + file + " failed", cause);
    }

    /** A render thread; recognised so that nested {@link #run} calls do not hand work to another. */
    private static final class Worker extends Thread {
        Worker(Runnable task) {
            super(null, task, IDLE, STACK_BYTES);
            setDaemon(true);
        }
    }
}
