package dev.newsbrief.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill <pid>} (SIGTERM) while a build runs: the build finishes, is recorded, and the process exits 0. */
class SigtermTest {

    @Test
    void sigtermLetsTheRunningBuildFinishThenExitsZero(@TempDir Path tmp) throws Exception {
        Path markers = tmp.resolve("markers");
        Path state = tmp.resolve("state");
        // A first start: the latest past 06:00 is due at once, so a build starts without waiting for the schedule.
        ChildJvm node = ChildJvm.start(List.of("-Dnewsbrief.test.markers=" + markers, "-Dnewsbrief.test.sleepMillis=3000"), Map.of(),
                List.of(state.toString(), SlowRunner.class.getName(), "0", LocalSchedulerTest.DAILY.toString()));
        try {
            Poll.until(Duration.ofSeconds(60), () -> Files.exists(markers.resolve("started")) || !node.process.isAlive(), node::toString);
            assertThat(markers.resolve("finished")).as("the build is still running when SIGTERM is sent").doesNotExist();

            // SIGTERM on Linux; through the handle, because Process.destroy() also closes the pipe the log comes through.
            node.process.toHandle().destroy();
            assertThat(node.process.waitFor(60, TimeUnit.SECONDS)).as("exited; %s", node).isTrue();

            assertThat(node.process.exitValue()).as("exit status; %s", node).isZero();
            assertThat(markers.resolve("finished")).as("the build finished").exists();
            Poll.until(Duration.ofSeconds(5), () -> node.said("main returns"), node::toString);
            int stop = node.lineStarting("stop requested node=");
            int run = node.lineStarting("run newsletter=daily ");
            int shutDown = node.lineStarting("shut down cleanly node=");
            assertThat(stop).as("%s", node).isNotNegative();
            assertThat(run).as("the run ends after the stop request; %s", node).isGreaterThan(stop);
            assertThat(node.output.get(run)).contains(" outcome=ok ");
            assertThat(shutDown).as("and the scheduler shuts down after the run; %s", node).isGreaterThan(run);
            assertThat(ScheduleStatus.read(ScheduleOptions.local(state)).newsletters()).singleElement()
                    .satisfies(status -> assertThat(status.lastRun().outcome()).isEqualTo(RunRecord.Outcome.OK));
        } finally {
            node.process.destroyForcibly();
        }
    }
}
