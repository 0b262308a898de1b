package dev.newsbrief.build;

import static dev.newsbrief.build.BuilderTest.snapshot;
import static dev.newsbrief.build.BuilderTest.stagingLeftovers;
import static dev.newsbrief.build.OutputDirectoryTest.assertManifestMatchesFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kill -9} at any point of a build: readers then see the old output or the new one,
 * whole, its manifest matching its files; the next build succeeds and leaves nothing behind.
 */
class BuildKillTest {
    private static Path story;
    /** The output before the killed build, and the output a build like the killed one makes. */
    private static Map<Path, String> oldOutput;
    private static Map<Path, String> newOutput;

    @BeforeAll
    static void buildTheTwoOutputs(@TempDir Path tmp) throws IOException {
        story = Fixtures.fixture("stories/minimal");
        Path old = tmp.resolve("old");
        new Builder().build(oldOptions(old));
        oldOutput = snapshot(old);
        Path fresh = tmp.resolve("new");
        new Builder().build(oldOptions(fresh));
        new Builder().build(KillableBuild.options(fresh, story));
        newOutput = snapshot(fresh);
        assertThat(newOutput).isNotEqualTo(oldOutput);
    }

    private static BuildOptions oldOptions(Path output) {
        return BuildOptions.defaults().withOutput(output).withLanguages(List.of("en")).withFormats(Set.of(Format.HTML))
                .withStories(List.of(story));
    }

    @ParameterizedTest(name = "killed at {0} #{1}")
    @CsvSource({
        "LOCKED, 1, old",      // before anything is rendered
        "RENDERED, 3, old",    // half-way through rendering into the staging directory
        "STAGED, 1, old",      // the new release is complete but not yet live
        "PUBLISHED, 1, new",   // live, before the old release and the lock are tidied
    })
    void killedAtAStep(String event, int times, String expected, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        new Builder().build(oldOptions(out));
        Process child = start(out, event, String.valueOf(times));
        waitFor(child, "PAUSED");
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(snapshot(out)).isEqualTo(expected.equals("old") ? oldOutput : newOutput);
        assertManifestMatchesFiles(out);
        assertTheNextBuildSucceedsAndLeavesNothingBehind(out);
    }

    /** Killed at moments chosen at random (a fixed seed): always the old output or the new one, never a mix. */
    @Test
    void killedAtRandomMoments(@TempDir Path tmp) throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 3; i++) {
            Path out = tmp.resolve("out" + i);
            new Builder().build(oldOptions(out));
            Process child = start(out, "", "1");
            waitFor(child, "LOCKED");
            Thread.sleep(random.nextInt(1500));
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Map<Path, String> seen = snapshot(out);
            assertThat(seen).as("run %d", i).isIn(oldOutput, newOutput);
            assertManifestMatchesFiles(out);
            assertTheNextBuildSucceedsAndLeavesNothingBehind(out);
        }
    }

    private static void assertTheNextBuildSucceedsAndLeavesNothingBehind(Path out) throws IOException {
        new Builder().build(KillableBuild.options(out, story));
        assertThat(snapshot(out)).isEqualTo(newOutput);
        assertManifestMatchesFiles(out);
        assertThat(stagingLeftovers(out)).isEmpty();
        try (var releases = Files.list(out.resolve(".newsbrief/releases"))) {
            assertThat(releases.count()).isLessThanOrEqualTo(2);
        }
    }

    private static Process start(Path out, String event, String times) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                KillableBuild.class.getName(), out.toString(), story.toString(), event, times));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's steps until {@code marker}; fails with what it printed if it ends first. */
    private static void waitFor(Process child, String marker) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder printed = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            printed.append(line).append('\n');
            if (line.startsWith(marker)) {
                return;
            }
        }
        throw new AssertionError("the build ended before " + marker + ":\n" + printed);
    }
}
