package dev.newsbrief.bench;

import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.BuildResult;
import dev.newsbrief.build.Builder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole build of the default story as a long-running newsbrief would do it: one {@link Builder}
 * kept across builds (its parsed fonts too), every format, every file rendered ({@code force}) on
 * one thread, and published into a temporary output directory.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = Stages.LOGGING)
@Threads(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class BuildBench {

    @State(Scope.Benchmark)
    public static class Output {
        Builder builder;
        BuildOptions options;
        Path directory;

        @Setup
        public void setUp() throws IOException {
            directory = Files.createTempDirectory("newsbrief-bench-build");
            builder = new Builder();
            options = BuildOptions.defaults().withOutput(directory).withForce(true).withThreads(1);
        }

        @TearDown
        public void tearDown() throws IOException {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Loads, renders (4 HTML, 4 PDF, the pack), writes and publishes a release. */
    @Benchmark
    public BuildResult defaultStory(Output output) {
        return output.builder.build(output.options);
    }
}
