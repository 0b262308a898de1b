package dev.newsbrief.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A scheduler in its own JVM, as {@code newsbrief schedule} runs it, for {@link SigtermTest} and
 * {@link ClusterTest}: {@code <state folder | jdbc url> <runner class> <check-in ms> <newsletter files…>}.
 * The runner is any {@link EditionRunner} with a public no-argument constructor (the lead's
 * real pipeline can take the stand-ins' place). Database credentials come from
 * {@code NEWSBRIEF_DB_USER} and {@code NEWSBRIEF_DB_PASSWORD}, as for the CLI. Log lines go to stdout.
 */
public final class SchedulerNode {
    private SchedulerNode() { }

    public static void main(String[] args) throws Exception {
        String store = args[0];
        EditionRunner runner = (EditionRunner) Class.forName(args[1]).getConstructor().newInstance();
        ScheduleOptions options = store.startsWith("jdbc:")
                ? ScheduleOptions.jdbc(store, System.getenv("NEWSBRIEF_DB_USER"), System.getenv("NEWSBRIEF_DB_PASSWORD"))
                        .withClusterCheckinInterval(Duration.ofMillis(Long.parseLong(args[2])))
                : ScheduleOptions.local(Path.of(store));
        List<Path> files = Arrays.stream(args, 3, args.length).map(Path::of).toList();
        try (NewsletterScheduler scheduler = new NewsletterScheduler(files, runner, Clock.systemUTC(), options, SchedulerNode::print)) {
            print("pid=" + ProcessHandle.current().pid() + " node=" + scheduler.nodeId());
            scheduler.runUntilStopped();
        }
        print("main returns");
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
