package dev.newsbrief.schedule;

import java.time.Instant;
import java.util.Map;

/**
 * Where runs are recorded: a status file on one machine ({@link StatusFile}), a table shared by
 * clustered nodes ({@link StatusTable}). Also hands out the per-newsletter lock a run holds, so
 * a {@code --once} run and a scheduler on the same state never build one newsletter at once.
 */
interface StatusStore extends AutoCloseable {

    /** @param create create the folder or the tables if missing (false: read what is there, if anything) */
    static StatusStore open(ScheduleOptions options, boolean create) {
        return options.clustered() ? StatusTable.open(options, create) : new StatusFile(options.stateFolder(), create);
    }

    /** Every newsletter's status, by name. */
    Map<String, NewsletterStatus> read();

    default NewsletterStatus read(String newsletter) {
        return read().getOrDefault(newsletter, new NewsletterStatus(newsletter, null, null, null));
    }

    /** Records a finished run; the last handled moment becomes the later of the recorded one and the run's. */
    void recordRun(RunRecord run, Instant nextRun);

    /** Records the next fire time as the scheduler computed it (null: it never fires again). */
    void recordNext(String newsletter, Instant nextRun);

    /** Blocks until no other run of {@code newsletter} on this state holds the lock. */
    RunLock lock(String newsletter);

    @Override
    void close();

    /** Held while a run builds. */
    interface RunLock extends AutoCloseable {
        @Override
        void close();
    }
}
