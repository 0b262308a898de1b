package dev.newsbrief.build;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** An output format: what the build writes for each story and language. */
public enum Format {
    /** The HTML brief: {@code <tag>/<story>.html}. */
    HTML("html");

    private final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a build writes when no format is named. */
    public static Set<Format> defaults() {
        return EnumSet.allOf(Format.class);
    }
}
