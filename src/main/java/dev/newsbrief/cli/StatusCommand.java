package dev.newsbrief.cli;

import dev.newsbrief.newsletter.EditionBuilder;
import dev.newsbrief.schedule.ScheduleOptions;
import dev.newsbrief.schedule.ScheduleStatus;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsbrief status}: the schedule's last and next runs. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Shows each scheduled newsletter's last run (when, outcome, duration, node) and next run.")
final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final java.util.function.Function<String, String> environment;

    StatusCommand() {
        this(System::getenv);
    }

    StatusCommand(java.util.function.Function<String, String> environment) {
        this.environment = environment;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "output",
            description = "The output directory the scheduler runs with. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--store", paramLabel = "URL", description = "The PostgreSQL store the scheduler nodes share, as for 'newsbrief schedule'.")
    String store;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Show times in this zone (an IANA id such as Asia/Yerevan). Default: ${DEFAULT-VALUE}.")
    ZoneId zone;

    @Override
    public Integer call() {
        ScheduleOptions options = store == null
                ? ScheduleOptions.local(EditionBuilder.defaultStateDirectory(output))
                : ScheduleOptions.jdbc(store, environment.apply(Environments.DB_USER), environment.apply(Environments.DB_PASSWORD));
        var out = spec.commandLine().getOut();
        out.print(ScheduleStatus.read(options).table(zone));
        out.flush();
        return ExitCode.OK;
    }
}
