package dev.newsbrief.build;

import java.nio.file.Path;
import java.util.List;

/**
 * What a finished build published.
 *
 * @param output   the output directory
 * @param files    the files this build wrote
 * @param manifest every file now published, as {@code manifest.json} lists them (with files of earlier builds it kept)
 * @param upToDate true when every file's inputs were unchanged: nothing was written, the output was not touched
 */
public record BuildResult(Path output, List<ManifestEntry> files, List<ManifestEntry> manifest, boolean upToDate) {
    public BuildResult {
        files = List.copyOf(files);
        manifest = List.copyOf(manifest);
    }
}
