package dev.newsbrief.schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;

/**
 * The Quartz job of one newsletter (its key is the newsletter's name): works out which cron
 * moment this fire stands for and hands it to the scheduler's run. Never two at once for one
 * newsletter; a run cut short by a dead node is run again by another ({@code requestsRecovery}).
 * Made by {@link NewsletterScheduler}'s job factory, which gives it the runner.
 */
@DisallowConcurrentExecution
final class NewsletterJob implements Job {
    static final String FILE = "newsbrief.file";
    static final String CRON = "newsbrief.cron";
    static final String ZONE = "newsbrief.zone";
    /** On a catch-up trigger: the missed cron moment it makes up for, epoch millis. */
    static final String SCHEDULED_AT = "newsbrief.scheduledAt";

    private final NewsletterScheduler scheduler;

    NewsletterJob(NewsletterScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        String name = context.getJobDetail().getKey().getName();
        CronTimes cron = new CronTimes(data.getString(CRON), ZoneId.of(data.getString(ZONE)));
        Instant scheduledAt = scheduledAt(context, data, cron);
        if (context.isRecovering()) {
            scheduler.note("recovering newsletter=" + name + " scheduled=" + scheduledAt + " node=" + scheduler.nodeId()
                    + ": the node that was running it stopped");
        }
        try {
            scheduler.run(name, Path.of(data.getString(FILE)), scheduledAt, cron);
        } catch (RuntimeException e) {
            // The run itself never throws (its failures are recorded): this is the status store failing.
            throw new JobExecutionException("newsletter " + name + " at " + scheduledAt + ": " + e.getMessage(), e, false);
        }
    }

    /**
     * The moment the edition is for: a catch-up trigger's missed moment; a recovered run's
     * original moment (Quartz keeps it in the recovery trigger's data); else the trigger's
     * scheduled fire time, mapped to the cron moment it stands for. Never the wall clock.
     */
    static Instant scheduledAt(JobExecutionContext context, JobDataMap data, CronTimes cron) {
        if (data.containsKey(SCHEDULED_AT)) {
            return Instant.ofEpochMilli(Long.parseLong(data.getString(SCHEDULED_AT)));
        }
        if (context.isRecovering()) {
            String scheduled = data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            String fired = data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_FIRETIME_IN_MILLISECONDS);
            if (scheduled != null) {
                return cron.standsFor(Instant.ofEpochMilli(Long.parseLong(scheduled)),
                        fired == null ? null : Instant.ofEpochMilli(Long.parseLong(fired)));
            }
        }
        return cron.standsFor(context.getScheduledFireTime().toInstant(), context.getFireTime().toInstant());
    }
}
