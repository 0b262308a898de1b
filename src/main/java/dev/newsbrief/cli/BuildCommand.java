package dev.newsbrief.cli;

import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.BuildResult;
import dev.newsbrief.build.Builder;
import dev.newsbrief.build.Format;
import dev.newsbrief.pdf.PdfOptions;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief build}: renders stories into briefs and writes a manifest. */
@Command(name = "build",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Builds briefs for every story, language and format into the output directory.",
            "With no arguments: the embedded default story, every language, every format, into ./output.",
            "Output: <output>/<lang>/<story-id>.html and .pdf, <output>/pack/<story-id>.pdf (every language), "
                + "<output>/manifest.json. PDF dates come from SOURCE_DATE_EPOCH when set, else the story's date. "
                + "Files are staged first; a failed build leaves the output directory untouched."})
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "STORY", arity = "0..*",
            description = "Story bundles (folders holding story.yaml and the story's own <lang>.yaml wording) or story files (YAML). "
                + "Default: the embedded Armenia–Azerbaijan peace agreement story.")
    List<Path> stories = new ArrayList<>();

    @Option(names = {"-l", "--lang"}, split = ",", paramLabel = "TAG",
            description = "Languages to build, as BCP 47 tags (comma-separated). Default: every language in translations.")
    List<String> languages = new ArrayList<>();

    @Option(names = {"-f", "--format"}, split = ",", paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "Formats to build (comma-separated): ${COMPLETION-CANDIDATES}. Default: all.")
    List<Format> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "output",
            description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A directory whose templates replace the embedded ones, file by file (kinds/<kind>/ for one kind of story).")
    Path templates;

    @Option(names = "--translations", paramLabel = "DIR",
            description = "A directory of translations (<tag>/messages.yaml, <tag>/lexicon.yaml) merged over the embedded ones "
                + "key by key, so it holds only what it changes; a new <tag>/ directory adds a language.")
    Path translations;

    @Option(names = "--paper", paramLabel = "SIZE", defaultValue = "a4",
            description = "PDF page size: a4 or letter. Default: ${DEFAULT-VALUE}.")
    PdfOptions.Paper paper;

    @Option(names = "--pdf-profile", paramLabel = "PROFILE", defaultValue = "standard",
            description = "PDF profile: standard, or pdfa for archival PDF/A-1b. Default: ${DEFAULT-VALUE}.")
    PdfOptions.Profile profile;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
    boolean quiet;

    /**
     * The reproducible-builds date, if the environment sets one: PDFs then carry it instead
     * of the story's publication date. See https://reproducible-builds.org/specs/source-date-epoch/.
     */
    private Instant sourceDateEpoch() {
        String value = System.getenv("SOURCE_DATE_EPOCH");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01, not '" + value + "'");
        }
    }

    /** Format ids as users type them, for help and shell completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Format.values()).map(Format::id).iterator();
        }
    }

    @Override
    public Integer call() {
        BuildOptions options = BuildOptions.defaults()
                .withStories(stories)
                .withLanguages(languages)
                .withFormats(formats.isEmpty() ? Format.defaults() : EnumSet.copyOf(formats))
                .withOutput(output)
                .withTemplates(templates)
                .withTranslations(translations)
                .withPdf(new PdfOptions(paper, profile, sourceDateEpoch()));
        BuildResult result = new Builder().build(options);
        if (!quiet) {
            var out = spec.commandLine().getOut();
            result.files().forEach(file -> out.println("wrote " + result.output().relativize(result.output().resolve(file.path()))));
            out.println("wrote " + Builder.MANIFEST + " (" + result.files().size() + " files) in " + result.output());
            out.flush();
        }
        return ExitCode.OK;
    }
}
