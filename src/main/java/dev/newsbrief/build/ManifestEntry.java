package dev.newsbrief.build;

/**
 * One published file, as {@code manifest.json} lists it.
 *
 * @param story  the story's id (or, for other files, what they belong to)
 * @param locale the language tag, or {@code mul} for the pack
 * @param format {@code html}, {@code pdf}, {@code pack}, or another file's kind
 * @param path   relative to the output directory, with {@code /}
 * @param size   bytes
 * @param sha256 of the bytes, hex
 * @param inputs a fingerprint of everything the file was made from (story, wording, templates,
 *               fonts, options, newsbrief itself): a build whose inputs for the file are the
 *               same does not write it again; absent in manifests of older newsbrief versions
 */
public record ManifestEntry(String story, String locale, String format, String path, long size, String sha256, String inputs) {

    /** An entry without an input fingerprint: always rebuilt. */
    public ManifestEntry(String story, String locale, String format, String path, long size, String sha256) {
        this(story, locale, format, path, size, sha256, null);
    }
}
