package dev.newsbrief.build;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** An output format: what the build writes for each story and language. */
public enum Format {
    /** The HTML brief: {@code <tag>/<story>.html}. */
    HTML("html", false),
    /** The printable brief: {@code <tag>/<story>.pdf}. */
    PDF("pdf", false),
    /** The briefing pack, every language in one PDF: {@code pack/<story>.pdf}. */
    PACK("pdf", true);

    private final String extension;
    private final boolean allLanguages;

    Format(String extension, boolean allLanguages) {
        this.extension = extension;
        this.allLanguages = allLanguages;
    }

    public String extension() {
        return extension;
    }

    /** True when one file holds every language of the build. */
    public boolean allLanguages() {
        return allLanguages;
    }

    /** Where a file of this format goes, relative to the output directory. */
    public String path(String storyId, String tag) {
        return (allLanguages ? "pack" : tag) + "/" + storyId + "." + extension;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a build writes when no format is named. */
    public static Set<Format> defaults() {
        return EnumSet.allOf(Format.class);
    }
}
