package dev.newsbrief.build;

/**
 * One file a build wrote.
 *
 * @param story  the story id
 * @param locale the BCP 47 tag
 * @param format the format id, e.g. html
 * @param path   the path relative to the output directory, with '/' separators
 * @param size   bytes
 * @param sha256 lower-case hex digest of the bytes
 */
public record ManifestEntry(String story, String locale, String format, String path, long size, String sha256) { }
