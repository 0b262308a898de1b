package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
    @TempDir
    Path dir;

    private Path jar(String name, Map<String, String> entries, long time) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setLastModifiedTime(FileTime.fromMillis(time));
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aJarIsKnownByItsCentralDirectory() throws IOException {
        Map<String, String> code = Map.of("a/A.class", "code of A", "templates/brief.ftlh", "<p>${x}</p>");
        String first = Fingerprint.jarEntries(jar("1.jar", code, 0));
        assertThat(Fingerprint.jarEntries(jar("2.jar", code, 0))).as("the same entries written again").isEqualTo(first);
        Files.setLastModifiedTime(dir.resolve("2.jar"), FileTime.fromMillis(0));
        assertThat(Fingerprint.jarEntries(dir.resolve("2.jar"))).as("the jar file's own time").isEqualTo(first);
        assertThat(Fingerprint.jarEntries(jar("3.jar", Map.of("a/A.class", "code of B", "templates/brief.ftlh", "<p>${x}</p>"), 0)))
                .as("one entry's contents changed").isNotEqualTo(first);
        assertThat(Fingerprint.jarEntries(jar("4.jar", Map.of("a/A.class", "code of A", "templates/other.ftlh", "<p>${x}</p>"), 0)))
                .as("an entry renamed").isNotEqualTo(first);
        assertThat(Fingerprint.jarEntries(jar("5.jar", Map.of("a/A.class", "code of A"), 0)))
                .as("an entry removed").isNotEqualTo(first);
    }

    @Test
    void filesAndPartsAreFingerprintedByContent() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("t"));
        Files.writeString(folder.resolve("a.yaml"), "a: 1");
        String before = Fingerprint.files(folder);
        Files.setLastModifiedTime(folder.resolve("a.yaml"), FileTime.fromMillis(0));
        assertThat(Fingerprint.files(folder)).isEqualTo(before);
        Files.writeString(folder.resolve("a.yaml"), "a: 2");
        assertThat(Fingerprint.files(folder)).isNotEqualTo(before);
        assertThat(Fingerprint.files(null)).isEqualTo("-");
        assertThat(Fingerprint.of("ab", "c")).isNotEqualTo(Fingerprint.of("a", "bc"));
    }
}
