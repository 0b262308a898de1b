package dev.newsbrief.build;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A file a build publishes besides the briefs — a newsletter edition's pages, say — so that
 * it goes live in the same atomic step as the briefs it links to, and is skipped like them
 * when its inputs have not changed.
 *
 * @param path   where it goes, relative to the output directory
 * @param group  what it belongs to, recorded in the manifest's {@code story} field (e.g. {@code newsletters/morning})
 * @param locale its language tag, or {@code mul} for several
 * @param kind   recorded in the manifest's {@code format} field (e.g. {@code email-html})
 * @param inputs a fingerprint of everything its bytes depend on: the same fingerprint as the
 *               published file's means the file is not rendered again
 * @param render makes its bytes; called only when it must be rendered
 */
public record ExtraOutput(String path, String group, String locale, String kind, String inputs, Supplier<byte[]> render) {
    public ExtraOutput {
        Objects.requireNonNull(path, "The parameter 'path' must not be null");
        Objects.requireNonNull(inputs, "The parameter 'inputs' must not be null");
        Objects.requireNonNull(render, "The parameter 'render' must not be null");
        if (!path.matches("(?:[^/.][^/]*/)+[^/.][^/]*")) {
            throw new IllegalArgumentException("The parameter 'path' must be a file in a folder of the output, with no part "
                    + "starting with '.': " + path);
        }
    }
}
