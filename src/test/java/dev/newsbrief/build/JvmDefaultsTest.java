package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output never depends on the machine: a build in a JVM started under LANG=C,
 * TZ=Pacific/Kiritimati and -Duser.language=tr gives the same bytes, PDFs included, as this one.
 */
class JvmDefaultsTest {

    @Test
    void hostileLocaleAndZoneGiveIdenticalBytes(@TempDir Path child) throws IOException, InterruptedException {
        Path reference = Fixtures.fullBuild();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder process = new ProcessBuilder(List.of(java,
                "-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati",
                "-cp", System.getProperty("java.class.path"),
                "dev.newsbrief.cli.Main", "build", "--quiet", "--output", child.toString()))
                .redirectErrorStream(true);
        process.environment().put("LANG", "C");
        process.environment().put("LC_ALL", "C");
        process.environment().put("TZ", "Pacific/Kiritimati");
        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes());
        assertThat(running.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(running.exitValue()).as(output).isZero();
        try (var files = Files.walk(reference)) {
            for (Path file : files.filter(Files::isRegularFile).map(reference::relativize).toList()) {
                assertThat(Files.readAllBytes(child.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(reference.resolve(file)));
            }
        }
        assertThat(Files.readString(child.resolve("manifest.json"))).isEqualTo(Files.readString(reference.resolve("manifest.json")));
    }
}
