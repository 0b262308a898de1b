package dev.newsbrief.cli;

import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.newsletter.EditionBuilder;
import dev.newsbrief.newsletter.NewsletterStore;
import dev.newsbrief.schedule.EditionRunner;
import dev.newsbrief.schedule.NewsletterScheduler;
import dev.newsbrief.schedule.RunRecord;
import dev.newsbrief.schedule.ScheduleOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief schedule}: builds and sends every newsletter's editions on its schedule. */
@Command(name = "schedule",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs every newsletter's schedule (its cron expression and zone) in one long-running process: each run builds "
                + "and sends the edition due, as 'newsbrief edition --send' does, dated by its scheduled time.",
            "Never two builds of one newsletter at once; after downtime one catch-up edition, not a burst; SIGTERM lets the "
                + "running build finish, then exits 0. Every run is logged with its outcome and duration; 'newsbrief status' "
                + "shows the last and next runs.",
            "--once builds and sends what is due and exits (for crontab, systemd timers and CI). "
                + "--store shares one schedule between any number of machines through PostgreSQL."})
final class ScheduleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final java.util.function.Function<String, String> environment;

    ScheduleCommand() {
        this(System::getenv);
    }

    ScheduleCommand(java.util.function.Function<String, String> environment) {
        this.environment = environment;
    }

    @Parameters(paramLabel = "NEWSLETTER", arity = "0..*",
            description = "Newsletter files, or folders of them. Default: every newsletters/*.yaml.")
    List<Path> newsletters = new ArrayList<>();

    @Option(names = "--once", description = "Build and send what is due now, then exit.")
    boolean once;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "output",
            description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--templates", paramLabel = "DIR", description = "A directory of templates overriding the embedded ones.")
    Path templates;

    @Option(names = "--translations", paramLabel = "DIR", description = "A directory of translations overriding the embedded ones.")
    Path translations;

    @Option(names = "--store", paramLabel = "URL",
            description = "Share the schedule, editions and deliveries with other nodes in PostgreSQL: "
                + "jdbc:postgresql://host:5432/db (NEWSBRIEF_DB_USER and NEWSBRIEF_DB_PASSWORD from the environment). "
                + "Default: this machine alone, state under <output>/.newsbrief/newsletters.")
    String store;

    @Option(names = "--limit", paramLabel = "NAME=VALUE", description = "Raise or lower a limit, as for 'newsbrief build'.")
    java.util.Map<String, String> limits = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        List<Path> files = files();
        var err = spec.commandLine().getErr();
        ScheduleOptions options = store == null
                ? ScheduleOptions.local(EditionBuilder.defaultStateDirectory(output))
                : ScheduleOptions.jdbc(store, environment.apply(Environments.DB_USER), environment.apply(Environments.DB_PASSWORD));
        EditionBuilder.Options build = EditionBuilder.Options.defaults(output)
                .withTemplates(templates)
                .withTranslations(translations)
                .withLimits(limits())
                .withSend(true, Environments.smtp(environment))
                // Several newsletters may be due at once: their builds take turns at the output.
                .withWaitForLock(true);
        try (NewsletterStore state = Environments.store(store, output, environment)) {
            EditionBuilder editions = new EditionBuilder();
            EditionRunner runner = (file, scheduledAt) -> {
                List<EditionBuilder.Result> results = editions.runDue(file, build, scheduledAt, state);
                String summary = String.join(" | ", results.stream().map(EditionBuilder.Result::summary).toList());
                if (results.getLast().troubled()) {
                    // Recorded as a failed run, so that the status and --once's exit code show it; the next run retries.
                    throw new IllegalStateException(summary + " (deferred addresses are retried by the next run, or now by "
                            + "'newsbrief edition --send')");
                }
                return summary;
            };
            try (NewsletterScheduler scheduler = new NewsletterScheduler(files, runner, Clock.systemUTC(), options, line -> {
                err.println("newsbrief: " + line);
                err.flush();
            })) {
                if (once) {
                    List<RunRecord> runs = scheduler.runOnce();
                    return runs.stream().allMatch(RunRecord::ok) ? ExitCode.OK : ExitCode.RUN_FAILED;
                }
                scheduler.runUntilStopped();
            }
        }
        return ExitCode.OK;
    }

    private List<Path> files() {
        List<Path> given = newsletters.isEmpty() ? List.of(Path.of("newsletters")) : newsletters;
        List<Path> files = new ArrayList<>();
        for (Path path : given) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(file -> file.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(file))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new InvalidInputException(path.toString(), 0, 0, "", "cannot list the folder: " + e.getMessage());
                }
            } else {
                files.add(path);
            }
        }
        if (files.isEmpty()) {
            throw new InvalidInputException(given.get(0).toString(), 0, 0, "", "no newsletter files (*.yaml) here; "
                    + "name newsletter files or folders, e.g. newsbrief schedule newsletters/morning.yaml");
        }
        return files;
    }

    private Limits limits() {
        return Environments.limits(limits, spec);
    }
}
