package dev.newsbrief.build;

import java.nio.file.Path;
import java.util.List;

/** What a finished build published. */
public record BuildResult(Path output, List<ManifestEntry> files) {
    public BuildResult {
        files = List.copyOf(files);
    }
}
