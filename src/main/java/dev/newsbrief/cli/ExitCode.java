package dev.newsbrief.cli;

/** Every exit code newsbrief returns; the README lists them too. */
public final class ExitCode {
    /** The build finished and published its output. */
    public static final int OK = 0;
    /** Something unexpected went wrong inside newsbrief (a bug: please report it). */
    public static final int SOFTWARE = 1;
    /** The command line was wrong: unknown option, missing value. */
    public static final int USAGE = 2;
    /** A story, translation or template is invalid; the message names file, line and field. */
    public static final int INVALID_INPUT = 3;
    /** Reading or writing files failed (permissions, disk full), or the PostgreSQL store could not be used. */
    public static final int IO = 4;
    /** Another build is writing into the same output directory (see {@code --wait}). */
    public static final int BUSY = 5;
    /** An edition was built and sent, but some addresses failed, were deferred or are in doubt; the report lists them. */
    public static final int DELIVERY = 6;
    /** {@code schedule --once}: a run that was due failed; the log line says why. */
    public static final int RUN_FAILED = 7;

    private ExitCode() { }
}
