package dev.newsbrief.cli;

import dev.newsbrief.build.BuildListener;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What the build commands print on stderr while a build runs: a note about a stale lock always;
 * a progress bar when a person watches a terminal (never with {@code --quiet}, and not with
 * {@code --verbose}, whose lines already show progress); with {@code --verbose}, every file
 * rendered or kept and the time of each stage (load and plan, render, publish).
 */
final class BuildReporter implements BuildListener {
    private final PrintWriter err;
    private final boolean verbose;
    private final ProgressBar progress;
    private final LongSupplier nanoTime;
    private long stageStart;
    private long fileStart;
    private final StringBuilder stages = new StringBuilder();

    /**
     * @param nanoTime the clock for timings ({@link System#nanoTime} but in tests); only --verbose prints them
     */
    BuildReporter(PrintWriter err, Console console, Verbosity verbosity, LongSupplier nanoTime) {
        this.err = err;
        this.verbose = verbosity.verbose;
        this.progress = console.terminal() && !verbosity.quiet && !verbosity.verbose ? new ProgressBar(err) : null;
        this.nanoTime = nanoTime;
        this.stageStart = nanoTime.getAsLong();
    }

    private boolean planned;
    private int keptBeforePlan;

    @Override
    public void event(Event event, String detail) {
        switch (event) {
            case STALE_LOCK -> say("newsbrief: note: " + detail);
            case UNCHANGED -> {
                verbose("kept " + detail + " (its inputs are those of the published copy)");
                // Stories stream: files kept after rendering started are steps of the bar, those before are not on it.
                if (planned) {
                    if (progress != null) {
                        progress.step(detail);
                    }
                } else {
                    keptBeforePlan++;
                }
            }
            case PLANNED -> {
                planned = true;
                stage("load and plan");
                fileStart = stageStart;
                int files = Math.max(0, Integer.parseInt(detail) - keptBeforePlan);
                verbose("rendering " + files + " files");
                if (progress != null) {
                    progress.start(files);
                }
            }
            case RENDERED -> {
                if (verbose) {
                    long now = nanoTime.getAsLong();
                    verbose("rendered " + detail + " in " + millis(now - fileStart) + " ms");
                    fileStart = now;
                }
                if (progress != null) {
                    progress.step(detail);
                }
            }
            case STAGED -> {
                if (progress != null) {
                    progress.finish();
                }
                stage("render");
            }
            case PUBLISHED -> {
                stage("publish");
                verbose("timings: " + stages);
                stages.setLength(0);
            }
            case UP_TO_DATE -> {
                stage("load and compare");
                verbose("timings: " + stages);
                stages.setLength(0);
            }
            case LOCKED -> verbose("locked " + detail);
        }
    }

    /** Removes a progress bar still drawn (the build failed), so an error message starts on a clean line. */
    void close() {
        if (progress != null) {
            progress.finish();
        }
    }

    private void stage(String name) {
        long now = nanoTime.getAsLong();
        stages.append(stages.isEmpty() ? "" : ", ").append(name).append(' ').append(millis(now - stageStart)).append(" ms");
        stageStart = now;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private void verbose(String line) {
        if (verbose) {
            say(line);
        }
    }

    private void say(String line) {
        err.println(line);
        err.flush();
    }
}
