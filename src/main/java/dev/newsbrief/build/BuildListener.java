package dev.newsbrief.build;

/**
 * Hears what a build is doing, in order: for progress output, and for tests that stop a
 * build at a chosen point. One event at a time, but {@link Event#RENDERED} comes from the
 * thread that rendered the file, in the order files finish; keep it quick.
 */
@FunctionalInterface
public interface BuildListener {
    /** Nothing to hear. */
    BuildListener NONE = (event, detail) -> { };

    /** The steps of a build, in the order they happen. */
    enum Event {
        /** A build into this output stopped before it finished (killed, power cut); its leftovers are being removed. */
        STALE_LOCK,
        /** The output directory is locked by this build; detail: the output directory. */
        LOCKED,
        /** One file's inputs are those of the published file: it is kept, not rendered; detail: its path in the output. */
        UNCHANGED,
        /**
         * The first file is about to be rendered; detail: how many files the build makes or keeps at
         * most (each then gives RENDERED or UNCHANGED; stories stream, so some may be kept before this).
         */
        PLANNED,
        /** One file is rendered into the staging directory; detail: its path in the output. */
        RENDERED,
        /** The new release is complete, manifest included, but not yet visible; detail: the staging directory. */
        STAGED,
        /** The new release is live; detail: the release directory. */
        PUBLISHED,
        /** Nothing changed since the published release: nothing was written; detail: the output directory. */
        UP_TO_DATE
    }

    void event(Event event, String detail);
}
