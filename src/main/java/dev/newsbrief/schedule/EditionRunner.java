package dev.newsbrief.schedule;

/** Builds (and sends) one edition of one newsletter for the scheduled moment; the lead implements it over the real pipeline. */
@FunctionalInterface
public interface EditionRunner {
    /**
     * @param newsletterFile the newsletter's YAML file
     * @param scheduledAt    the cron moment this run stands for (never the wall clock): the edition's date
     * @return a one-line summary for the log
     * @throws Exception the run failed; logged and recorded, the schedule goes on
     */
    String run(java.nio.file.Path newsletterFile, java.time.Instant scheduledAt) throws Exception;
}
