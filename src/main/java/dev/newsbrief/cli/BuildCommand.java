package dev.newsbrief.cli;

import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.BuildResult;
import dev.newsbrief.build.Builder;
import dev.newsbrief.build.Format;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
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
                + "Each build is written whole into a new release under <output>/.newsbrief and made live in one atomic step; "
                + "a failed or killed build leaves the output as it was. Only one build at a time writes into an output directory.",
            "While a build daemon runs (see 'newsbrief daemon'), the build runs in it, warm, with the same output; "
                + "NEWSBRIEF_DAEMON=off builds in this process."})
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The process environment; tests give their own. */
    private final java.util.function.Function<String, String> environment;

    /** Whether a person watches a terminal (progress bar) and colour is allowed. */
    private final Console console;

    BuildCommand() {
        this(System::getenv, Console.PLAIN);
    }

    BuildCommand(java.util.function.Function<String, String> environment) {
        this(environment, Console.PLAIN);
    }

    /** One builder for every build of this command, or null for a new one per build (the daemon shares one: fonts stay parsed). */
    private final Builder builder;

    BuildCommand(java.util.function.Function<String, String> environment, Console console) {
        this(environment, console, null);
    }

    BuildCommand(java.util.function.Function<String, String> environment, Console console, Builder builder) {
        this.environment = environment;
        this.console = console;
        this.builder = builder;
    }

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

    @Option(names = "--clean",
            description = "Publish only what this build makes. By default, files already in the output that this build "
                + "does not make (other stories, languages or formats) stay, and the manifest lists them too.")
    boolean clean;

    @Option(names = "--force",
            description = "Render every file, even those whose inputs (story, translations, templates, fonts, options, newsbrief "
                + "itself) are those of the published copy. By default such files are kept, and a build where nothing changed "
                + "writes nothing.")
    boolean force;

    @Option(names = "--wait",
            description = "If another build is writing into the output directory, wait for it to finish. Default: fail at once (exit 5).")
    boolean waitForLock;

    @Option(names = "--limit", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "Raise (or lower) a limit: input-bytes (default 512K), yaml-aliases (50), yaml-depth (40), "
                + "render-seconds (60), output-bytes (32M), pdf-pages (200). Repeat for several. Byte limits take K, M or G.")
    java.util.Map<String, String> limits = new java.util.LinkedHashMap<>();

    @Option(names = {"-j", "--threads"}, paramLabel = "N",
            description = "Render up to N files at once. Default: the number of processors. "
                + "The output is the same whatever N is.")
    int threads = Runtime.getRuntime().availableProcessors();

    @CommandLine.Mixin
    Verbosity verbosity = new Verbosity();

    /** The latest instant a PDF date can hold (its year has four digits). */
    private static final long LAST_PDF_SECOND = 253_402_300_799L;

    /**
     * The reproducible-builds date, if the environment sets one: PDFs then carry it instead
     * of the story's publication date. See https://reproducible-builds.org/specs/source-date-epoch/.
     */
    private Instant sourceDateEpoch() {
        String value = environment.apply("SOURCE_DATE_EPOCH");
        if (value == null || value.isBlank()) {
            return null;
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0 || seconds > LAST_PDF_SECOND) {
            throw new InvalidInputException("SOURCE_DATE_EPOCH", 0, 0, "", "must be a whole number of seconds since "
                    + "1970-01-01T00:00:00Z, from 0 to " + LAST_PDF_SECOND + " (9999-12-31), not '" + value + "'; fix or unset it");
        }
        return Instant.ofEpochSecond(seconds);
    }

    private int threadCount() {
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
        }
        return threads;
    }

    private Limits limits() {
        return Environments.limits(limits, spec);
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
        verbosity.validate(spec);
        BuildOptions options = BuildOptions.defaults()
                .withStories(stories)
                .withLanguages(languages)
                .withFormats(formats.isEmpty() ? Format.defaults() : EnumSet.copyOf(formats))
                .withOutput(output)
                .withTemplates(templates)
                .withTranslations(translations)
                .withPdf(new PdfOptions(paper, profile, sourceDateEpoch()))
                .withLimits(limits())
                .withClean(clean)
                .withForce(force)
                .withWaitForLock(waitForLock)
                .withThreads(threadCount());
        BuildReporter reporter = new BuildReporter(spec.commandLine().getErr(), console, verbosity, System::nanoTime);
        BuildResult result;
        try {
            result = (builder != null ? builder : new Builder()).build(options, reporter);
        } finally {
            reporter.close();
        }
        if (!verbosity.quiet && result.upToDate()) {
            var out = spec.commandLine().getOut();
            out.println("up to date: " + result.output() + " (" + result.manifest().size() + " files; no input changed, nothing written)");
            out.flush();
        } else if (!verbosity.quiet) {
            var out = spec.commandLine().getOut();
            result.files().forEach(file -> out.println("wrote " + result.output().relativize(result.output().resolve(file.path()))));
            out.println("wrote " + Builder.MANIFEST + " (" + result.manifest().size() + " files) in " + result.output());
            out.flush();
        }
        return ExitCode.OK;
    }
}
