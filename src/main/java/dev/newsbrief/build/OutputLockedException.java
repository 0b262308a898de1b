package dev.newsbrief.build;

import java.nio.file.Path;

/** Another build is writing into the same output directory (exit 5): wait for it, or queue behind it with {@code --wait}. */
public final class OutputLockedException extends RuntimeException {
    private final Path output;

    OutputLockedException(Path output, String holder) {
        super(output + " is being built by another newsbrief" + (holder.isEmpty() ? "" : " (" + holder + ")")
                + "; wait for it to finish, or add --wait to start when it does");
        this.output = output;
    }

    public Path output() {
        return output;
    }
}
