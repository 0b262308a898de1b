package dev.newsbrief.schedule;

import static org.quartz.CronScheduleBuilder.cronSchedule;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.SimpleScheduleBuilder.simpleSchedule;
import static org.quartz.TriggerBuilder.newTrigger;

import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.newsletter.Newsletter;
import dev.newsbrief.newsletter.NewsletterLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Runs every newsletter's schedule ({@code schedule: {cron, zone}} in its file) with Quartz,
 * in one process with local state, or on any number of nodes sharing a PostgreSQL database.
 *
 * <ul>
 * <li>One Quartz job per newsletter, never two runs of it at once; a run gets the cron moment it
 *     stands for (the edition's date), never the wall clock.</li>
 * <li>After downtime, one catch-up run for the latest missed moment, not one per missed moment.
 *     Local mode: at {@link #start()}, from the status file's last handled moment; with no record
 *     at all (a first start) the latest past fire time is due, so a first run makes an edition.
 *     Clustered: Quartz's misfire handling ({@code FIRE_ONCE_NOW}) on the trigger kept in the database;
 *     the first node to create a newsletter's trigger applies the local rule once.</li>
 * <li>Every run is logged (one line, see {@link RunRecord#logLine()}) and recorded for
 *     {@link ScheduleStatus}. A run whose moment is already handled is skipped, so a catch-up
 *     racing the regular fire, or a {@code --once} run beside a scheduler, never builds twice.</li>
 * <li>A failed run is logged and recorded as failed, and its moment counts as handled: it is
 *     not retried at every start or {@code --once}; the next edition comes at the next fire time
 *     (or build it by hand).</li>
 * <li>{@link #close()} lets the running build finish, then returns.</li>
 * <li>Clustered nodes must see the same newsletter files at the same paths (the job keeps the
 *     file's absolute path); a node's start updates a newsletter's trigger only if its cron or
 *     zone changed, and removes the job of a newsletter whose file has no schedule.</li>
 * </ul>
 *
 * <pre>{@code
 * try (var scheduler = new NewsletterScheduler(files, runner, Clock.systemUTC(), ScheduleOptions.local(state), err::println)) {
 *     scheduler.runUntilStopped();   // start(), then block until SIGTERM or SIGINT
 * }                                  // close(): the running build finishes; main returns, exit 0
 * }</pre>
 */
public final class NewsletterScheduler implements AutoCloseable {
    static final String GROUP = "newsbrief";

    private final List<Scheduled> newsletters;
    private final EditionRunner runner;
    private final Clock clock;
    private final ScheduleOptions options;
    private final Consumer<String> log;
    private final StatusStore status;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Scheduler quartz;
    private volatile String node = NodeIdGenerator.generate();
    private boolean signalsTaken;

    /** A newsletter with a schedule. */
    record Scheduled(String name, Path file, CronTimes cron) { }

    /**
     * Loads and checks every newsletter file first (an {@link InvalidInputException} for the
     * first bad one, before anything runs), then opens the state: the state folder, or the
     * database, whose tables are created if missing.
     *
     * @param newsletterFiles the newsletters; those without a schedule are left out
     * @param runner          builds and sends one edition
     * @param clock           decides what is due ({@link #runOnce()} and the catch-up at start) and stamps run starts;
     *                        Quartz itself fires by real time
     * @param options         local or clustered, and Quartz's settings
     * @param log             receives one line per run and per lifecycle event
     */
    public NewsletterScheduler(List<Path> newsletterFiles, EditionRunner runner, Clock clock, ScheduleOptions options,
                               Consumer<String> log) {
        Objects.requireNonNull(newsletterFiles, "The parameter 'newsletterFiles' must not be null");
        this.runner = Objects.requireNonNull(runner, "The parameter 'runner' must not be null");
        this.clock = Objects.requireNonNull(clock, "The parameter 'clock' must not be null");
        this.options = Objects.requireNonNull(options, "The parameter 'options' must not be null");
        this.log = Objects.requireNonNull(log, "The parameter 'log' must not be null");
        this.newsletters = load(newsletterFiles);
        this.status = StatusStore.open(options, true);
    }

    private List<Scheduled> load(List<Path> files) {
        NewsletterLoader loader = new NewsletterLoader();
        Map<String, Scheduled> byName = new LinkedHashMap<>();
        for (Path file : files) {
            Newsletter newsletter = loader.load(file);
            Scheduled previous = byName.get(newsletter.name());
            if (previous != null) {
                throw new InvalidInputException(file.toString(), 0, 0, "", "another newsletter file, " + previous.file()
                        + ", has the same name '" + newsletter.name() + "': names must be unique, they key the schedule's state");
            }
            if (newsletter.schedule() == null) {
                log.accept("not scheduled newsletter=" + newsletter.name() + ": its file has no schedule");
                continue;
            }
            byName.put(newsletter.name(), new Scheduled(newsletter.name(), file.toAbsolutePath().normalize(),
                    new CronTimes(newsletter.schedule().cron(), newsletter.schedule().zone())));
        }
        return List.copyOf(byName.values());
    }

    /** The newsletters that have a schedule, by name. */
    public List<String> scheduled() {
        return newsletters.stream().map(Scheduled::name).toList();
    }

    /** This node's id as log lines and status rows show it ({@code host-pid-millis}). */
    public String nodeId() {
        return node;
    }

    /**
     * Builds what is due now, one run per newsletter at most, and returns the runs made
     * (for crontab, systemd timers, CI). Due: the latest fire time at or before the clock's now,
     * if it is later than the last handled moment; with no record, the latest past fire time.
     */
    public List<RunRecord> runOnce() {
        List<RunRecord> runs = new ArrayList<>();
        for (Scheduled newsletter : newsletters) {
            Optional<Instant> due = newsletter.cron().due(status.read(newsletter.name()).lastHandled(), clock.instant());
            if (due.isEmpty()) {
                log.accept("nothing due newsletter=" + newsletter.name() + " node=" + node);
                continue;
            }
            run(newsletter.name(), newsletter.file(), due.get(), newsletter.cron()).ifPresent(runs::add);
        }
        return runs;
    }

    /** Starts the schedule (and, in local mode, the catch-up run if one is due); returns at once. */
    public synchronized void start() {
        if (closed.get()) {
            throw new IllegalStateException("this scheduler is closed");
        }
        if (quartz != null) {
            return;
        }
        try {
            Scheduler created = create();
            quartz = created;
            node = created.getSchedulerInstanceId();
            created.setJobFactory((bundle, scheduler) -> new NewsletterJob(this));
            for (Scheduled newsletter : newsletters) {
                install(created, newsletter);
            }
            created.start();
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot start the schedule: " + e.getMessage(), e);
        }
        log.accept("started node=" + node + " store=" + (options.clustered() ? "jdbc" : "local") + " newsletters=" + scheduled());
    }

    /** Quartz's settings; the names are Quartz's (see its configuration reference). */
    private Scheduler create() throws SchedulerException {
        Properties quartzProperties = new Properties();
        quartzProperties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, options.schedulerName());
        // Clustered: AUTO, through our generator (Quartz uses it only when clustered; a local
        // scheduler would be NON_CLUSTERED, so it gets the same kind of id directly).
        quartzProperties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID,
                options.clustered() ? StdSchedulerFactory.AUTO_GENERATE_INSTANCE_ID : node);
        quartzProperties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID_GENERATOR_CLASS, NodeIdGenerator.class.getName());
        quartzProperties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        quartzProperties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(options.threads()));
        quartzProperties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(options.misfireThreshold().toMillis()));
        if (options.clustered()) {
            // Quartz keeps connection providers in a JVM-wide table by name: a name of our own per scheduler.
            String dataSource = "newsbrief" + UUID.randomUUID().toString().replace("-", "");
            quartzProperties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            quartzProperties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            quartzProperties.setProperty("org.quartz.jobStore.dataSource", dataSource);
            quartzProperties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
            quartzProperties.setProperty("org.quartz.jobStore.isClustered", "true");
            quartzProperties.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(options.clusterCheckinInterval().toMillis()));
            // Job data as strings only: readable in the table, no Java serialisation across versions.
            quartzProperties.setProperty("org.quartz.jobStore.useProperties", "true");
            String prefix = "org.quartz.dataSource." + dataSource + ".";
            quartzProperties.setProperty(prefix + "provider", "hikaricp");
            quartzProperties.setProperty(prefix + "driver", "org.postgresql.Driver");
            quartzProperties.setProperty(prefix + "URL", options.jdbcUrl());
            quartzProperties.setProperty(prefix + "user", options.user());
            quartzProperties.setProperty(prefix + "password", options.password());
            // Quartz's advice for a clustered store: worker threads plus three.
            quartzProperties.setProperty(prefix + "maxConnections", String.valueOf(options.threads() + 3));
        } else {
            quartzProperties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        Scheduler created = new StdSchedulerFactory(quartzProperties).getScheduler();
        // StdSchedulerFactory registers schedulers in a JVM-wide table by name and hands out the
        // registered one next time: take ours out, so two schedulers in one JVM (tests, a
        // --once run beside a scheduler) stay two.
        SchedulerRepository.getInstance().remove(created.getSchedulerName());
        return created;
    }

    /** Creates, keeps or updates the newsletter's job and cron trigger; adds the catch-up run if one is due. */
    private void install(Scheduler scheduler, Scheduled newsletter) throws SchedulerException {
        CronTimes cron = newsletter.cron();
        JobKey jobKey = new JobKey(newsletter.name(), GROUP);
        TriggerKey triggerKey = new TriggerKey(newsletter.name(), GROUP);
        // Real time, not the clock: whether Quartz would ever fire it.
        if (cron.next(Instant.now()).isEmpty()) {
            log.accept("not scheduled newsletter=" + newsletter.name() + ": '" + cron.cron() + "' never fires again");
            scheduler.deleteJob(jobKey);
            status.recordNext(newsletter.name(), null);
            return;
        }
        JobDetail job = newJob(NewsletterJob.class).withIdentity(jobKey).requestRecovery(true)
                .usingJobData(NewsletterJob.FILE, newsletter.file().toString())
                .usingJobData(NewsletterJob.CRON, cron.cron())
                .usingJobData(NewsletterJob.ZONE, cron.zone().getId())
                .build();
        CronTrigger trigger = newTrigger().withIdentity(triggerKey).forJob(jobKey)
                .withSchedule(cronSchedule(cron.cron()).inTimeZone(TimeZone.getTimeZone(cron.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        Trigger existing = scheduler.getTrigger(triggerKey);
        boolean created = false;
        if (existing == null) {
            try {
                scheduler.scheduleJob(job, Set.of(trigger), false);
                created = true;
            } catch (ObjectAlreadyExistsException race) {
                if (scheduler.getTrigger(triggerKey) == null) {
                    // A job left without its trigger: take it over.
                    scheduler.addJob(job, true, true);
                    scheduler.scheduleJob(trigger);
                    created = true;
                }
                // Else another node created both a moment ago: it also handles the catch-up.
            }
        } else if (existing instanceof CronTrigger same && same.getCronExpression().equals(cron.cron())
                && same.getTimeZone().getID().equals(cron.zone().getId())) {
            // Kept as is: its next fire time in the database is what makes the catch-up after downtime.
            scheduler.addJob(job, true, true);
        } else {
            scheduler.addJob(job, true, true);
            scheduler.rescheduleJob(triggerKey, trigger);
            log.accept("schedule changed newsletter=" + newsletter.name() + " cron=\"" + cron.cron() + "\" zone=" + cron.zone());
        }
        if (created) {
            Optional<Instant> due = cron.due(status.read(newsletter.name()).lastHandled(), clock.instant());
            if (due.isPresent()) {
                catchUp(scheduler, newsletter.name(), jobKey, due.get());
            }
        }
        Trigger installed = scheduler.getTrigger(triggerKey);
        Date next = installed == null ? null : installed.getNextFireTime();
        status.recordNext(newsletter.name(), next == null ? null : next.toInstant());
    }

    private void catchUp(Scheduler scheduler, String name, JobKey jobKey, Instant due) throws SchedulerException {
        Trigger catchUp = newTrigger().withIdentity(name + "-catch-up", GROUP).forJob(jobKey)
                .usingJobData(NewsletterJob.SCHEDULED_AT, String.valueOf(due.toEpochMilli()))
                .startNow().withSchedule(simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(catchUp);
            log.accept("catch-up newsletter=" + name + " scheduled=" + due + " node=" + node + ": due since the last run");
        } catch (ObjectAlreadyExistsException alreadyQueued) {
            // Another node queued it.
        }
    }

    /**
     * One run: under the newsletter's lock, unless its moment is already handled; the runner's
     * failure is recorded, not thrown. Empty if skipped.
     */
    @SuppressWarnings("try") // the lock is held, not used
    Optional<RunRecord> run(String name, Path file, Instant scheduledAt, CronTimes cron) {
        try (StatusStore.RunLock ignored = status.lock(name)) {
            Instant handled = status.read(name).lastHandled();
            if (handled != null && !scheduledAt.isAfter(handled)) {
                log.accept("skipped newsletter=" + name + " scheduled=" + scheduledAt + " node=" + node
                        + ": already handled (last " + handled + ")");
                return Optional.empty();
            }
            Instant started = clock.instant();
            long start = System.nanoTime();
            RunRecord.Outcome outcome;
            String message;
            try {
                message = runner.run(file, scheduledAt);
                outcome = RunRecord.Outcome.OK;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                outcome = RunRecord.Outcome.FAILED;
                message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName() : e.getMessage();
            }
            RunRecord record = new RunRecord(name, scheduledAt, started, Duration.ofNanos(System.nanoTime() - start), outcome,
                    message, node);
            status.recordRun(record, nextRun(name, cron));
            log.accept(record.logLine());
            return Optional.of(record);
        }
    }

    private Instant nextRun(String name, CronTimes cron) {
        Scheduler scheduler = quartz;
        if (scheduler != null) {
            try {
                Trigger trigger = scheduler.getTrigger(new TriggerKey(name, GROUP));
                return trigger == null || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant();
            } catch (SchedulerException e) {
                log.accept("next run of " + name + " unknown: " + e.getMessage());
                return null;
            }
        }
        return cron.next(clock.instant()).orElse(null);
    }

    /** Every newsletter's last run and next run, from this scheduler's state. */
    public ScheduleStatus status() {
        return new ScheduleStatus(List.copyOf(status.read().values()));
    }

    /** Stops firing (a running build goes on) until {@link #resume()}: fire times passed meanwhile are misfires. */
    public void standby() {
        try {
            Scheduler scheduler = quartz;
            if (scheduler != null) {
                scheduler.standby();
            }
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot pause the schedule: " + e.getMessage(), e);
        }
    }

    /** Fires again after {@link #standby()}: what was missed becomes one catch-up run per newsletter. */
    public void resume() {
        try {
            Scheduler scheduler = quartz;
            if (scheduler != null) {
                scheduler.start();
            }
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot resume the schedule: " + e.getMessage(), e);
        }
    }

    /**
     * Blocks until SIGTERM or SIGINT arrives, or {@link #close()} is called; the caller then
     * closes the scheduler (try-with-resources), which lets the running build finish. If this
     * JVM cannot take over the signals, a shutdown hook closes the scheduler instead.
     */
    public void awaitStop() throws InterruptedException {
        stopOnSignals();
        stopRequested.await();
    }

    /**
     * What {@code newsbrief schedule} does: takes over SIGTERM and SIGINT, {@link #start()}s, and
     * blocks until one arrives. Close the scheduler afterwards (try-with-resources): the running
     * build finishes, and {@code main} returns, so the process exits 0.
     */
    public void runUntilStopped() throws InterruptedException {
        // Signals first: a SIGTERM during the first run must not end the JVM the default way.
        stopOnSignals();
        start();
        stopRequested.await();
    }

    private synchronized void stopOnSignals() {
        if (signalsTaken) {
            return;
        }
        signalsTaken = true;
        boolean installed = StopSignal.install(() -> {
            if (stopRequested.getCount() == 0) {
                log.accept("already stopping node=" + node + ": the running build finishes first; kill -9 stops at once");
                return;
            }
            log.accept("stop requested node=" + node + ": letting the running build finish");
            stopRequested.countDown();
        });
        if (!installed) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "newsbrief-schedule-shutdown"));
        }
    }

    /** A line for the log, from the job. */
    void note(String line) {
        log.accept(line);
    }

    /** Stops the schedule: no new run starts, the running ones finish, then it returns. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopRequested.countDown();
        try {
            Scheduler scheduler = quartz;
            if (scheduler != null) {
                List<String> running = new ArrayList<>();
                for (JobExecutionContext context : scheduler.getCurrentlyExecutingJobs()) {
                    running.add(context.getJobDetail().getKey().getName());
                }
                if (!running.isEmpty()) {
                    log.accept("stopping node=" + node + ": waiting for the running build of " + running);
                }
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            throw new ScheduleException("cannot stop the schedule: " + e.getMessage(), e);
        } finally {
            status.close();
        }
        log.accept("shut down cleanly node=" + node + ": no build left running");
    }
}
