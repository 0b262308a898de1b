package dev.newsbrief.build;

import dev.newsbrief.limit.Limits;
import dev.newsbrief.pdf.PdfOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to build. Start from {@link #defaults()} and change what you need.
 *
 * @param stories      story files; empty means the embedded default story
 * @param languages    BCP 47 tags; empty means every language under {@code translations/}
 * @param formats      output formats; default {@code html}
 * @param output       the output directory; default {@code output}
 * @param templates    a directory overriding the embedded templates file by file, or null
 * @param translations a directory overriding the embedded translations file by file, or null
 * @param pdf          paper, profile and date of PDFs; default A4, standard, the story's date
 * @param limits       bounds on input size, YAML shape, render time, output size and PDF pages
 * @param clean        publish only what this build makes; by default files already published and not rebuilt stay
 * @param waitForLock  wait while another build writes into the output; by default fail at once
 * @param extras       more files to publish with the briefs, in the same release (a newsletter edition's)
 * @param force        render every file even when its inputs are those of the published copy; by default such a
 *                     file is kept as it is, and a build where nothing changed writes nothing
 * @param threads      how many files are rendered at once; default the number of processors. The output does
 *                     not depend on it: each file's bytes are the same whichever thread renders it
 */
public record BuildOptions(List<Path> stories, List<String> languages, Set<Format> formats,
                           Path output, Path templates, Path translations, PdfOptions pdf, Limits limits,
                           boolean clean, boolean waitForLock, List<ExtraOutput> extras, boolean force, int threads) {

    public BuildOptions {
        stories = List.copyOf(Objects.requireNonNull(stories, "The parameter 'stories' must not be null"));
        languages = List.copyOf(Objects.requireNonNull(languages, "The parameter 'languages' must not be null"));
        formats = Set.copyOf(Objects.requireNonNull(formats, "The parameter 'formats' must not be null"));
        Objects.requireNonNull(output, "The parameter 'output' must not be null");
        Objects.requireNonNull(pdf, "The parameter 'pdf' must not be null");
        Objects.requireNonNull(limits, "The parameter 'limits' must not be null");
        extras = List.copyOf(Objects.requireNonNull(extras, "The parameter 'extras' must not be null"));
        if (threads < 1) {
            throw new IllegalArgumentException("The parameter 'threads' must be at least 1, not " + threads);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("The parameter 'formats' must name at least one format");
        }
    }

    public static BuildOptions defaults() {
        return new BuildOptions(List.of(), List.of(), Format.defaults(), Path.of("output"), null, null, PdfOptions.defaults(), Limits.DEFAULT, false, false, List.of(), false,
                Runtime.getRuntime().availableProcessors());
    }

    public BuildOptions withStories(List<Path> value) {
        return new BuildOptions(value, languages, formats, output, templates, translations, pdf, limits, clean, waitForLock, extras, force, threads);
    }

    public BuildOptions withLanguages(List<String> value) {
        return new BuildOptions(stories, value, formats, output, templates, translations, pdf, limits, clean, waitForLock, extras, force, threads);
    }

    public BuildOptions withFormats(Set<Format> value) {
        return new BuildOptions(stories, languages, value, output, templates, translations, pdf, limits, clean, waitForLock, extras, force, threads);
    }

    public BuildOptions withOutput(Path value) {
        return new BuildOptions(stories, languages, formats, value, templates, translations, pdf, limits, clean, waitForLock, extras, force, threads);
    }

    public BuildOptions withTemplates(Path value) {
        return new BuildOptions(stories, languages, formats, output, value, translations, pdf, limits, clean, waitForLock, extras, force, threads);
    }

    public BuildOptions withPdf(PdfOptions value) {
        return new BuildOptions(stories, languages, formats, output, templates, translations, value, limits, clean, waitForLock, extras, force, threads);
    }

    public BuildOptions withTranslations(Path value) {
        return new BuildOptions(stories, languages, formats, output, templates, value, pdf, limits, clean, waitForLock, extras, force, threads);
    }

    public BuildOptions withLimits(Limits value) {
        return new BuildOptions(stories, languages, formats, output, templates, translations, pdf, value, clean, waitForLock, extras, force, threads);
    }

    public BuildOptions withClean(boolean value) {
        return new BuildOptions(stories, languages, formats, output, templates, translations, pdf, limits, value, waitForLock, extras, force, threads);
    }

    public BuildOptions withWaitForLock(boolean value) {
        return new BuildOptions(stories, languages, formats, output, templates, translations, pdf, limits, clean, value, extras, force, threads);
    }

    public BuildOptions withExtras(List<ExtraOutput> value) {
        return new BuildOptions(stories, languages, formats, output, templates, translations, pdf, limits, clean, waitForLock, value, force, threads);
    }

    public BuildOptions withForce(boolean value) {
        return new BuildOptions(stories, languages, formats, output, templates, translations, pdf, limits, clean, waitForLock, extras, value, threads);
    }

    public BuildOptions withThreads(int value) {
        return new BuildOptions(stories, languages, formats, output, templates, translations, pdf, limits, clean, waitForLock, extras, force, value);
    }
}
