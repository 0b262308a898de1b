package dev.newsbrief.cli;

import dev.newsbrief.build.Builder;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Coverage;
import dev.newsbrief.i18n.CoverageExport;
import dev.newsbrief.i18n.CoverageUsage;
import dev.newsbrief.i18n.PseudoLocale;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief translations}: coverage per language, a fill-in file of what one lacks, and accepting a review. */
@Command(name = "translations",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reports translation coverage of the shared messages per language against English (en): present, missing, "
                + "unused and stale keys, then the keys behind each count.",
            "Unused: no use found. A key is used when a template calls nb.msg(\"key\") or nb.cssPageCounter(\"key\") with it "
                + "as a literal; when a template builds it as a literal prefix plus an expression (nb.msg(\"event.\" + "
                + "event.kindId())), every key under that prefix counts as used; when a STORY uses it (claims, section "
                + "headings, key-fact labels); or when newsbrief formats it itself (date.*, when.*, quote.inline, "
                + "quote.paraphrase, meta.languageName, newsletter.subject|preheader|separator|links|noBreakAfter). "
                + "A key reached any other way shows as unused: check before deleting it.",
            "Stale: the English changed since the translation was made. <tag>/" + Coverage.LOCK + " records, per key, a "
                + "short SHA-256 of the English each translation was made from; --accept <tag> writes it. A key without a "
                + "record counts as unreviewed, not stale.",
            "Exit 0 (the report is information, not a verdict); 3 when a translation file is malformed."})
final class TranslationsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    enum OutputFormat { text, json }

    @Parameters(paramLabel = "STORY", arity = "0..*",
            description = "Story bundles or story files whose claims, headings and labels count as uses, and whose values the "
                + "--missing examples show. Default: the embedded default story.")
    List<Path> stories = new ArrayList<>();

    @Option(names = "--translations", paramLabel = "DIR",
            description = "Translations merged over the embedded ones, as for build; --accept writes into it.")
    Path translations;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Templates replacing the embedded ones, as for build: their nb.msg calls count as uses.")
    Path templates;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (an aligned table, then the keys) or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--missing", paramLabel = "TAG",
            description = "Instead of the table: a YAML file to fill in with every key TAG lacks and every stale one, each "
                + "with its English, its arguments in words and an example. Filled in, it is DIR/TAG/messages.yaml for "
                + "--translations DIR (or is merged into it).")
    String missing;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "With --missing: write the file here instead of printing it.")
    Path output;

    @Option(names = "--accept", paramLabel = "TAG",
            description = "Record that TAG's translations match today's English: writes DIR/TAG/" + Coverage.LOCK
                + " (needs --translations DIR). Run it after translating or reviewing.")
    String accept;

    @Option(names = "--limit", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "Raise (or lower) a limit, as for build.")
    java.util.Map<String, String> limits = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() {
        Limits chosen = Environments.limits(limits, spec);
        ResourceSet files = new ResourceSet("translations", translations, chosen);
        var out = spec.commandLine().getOut();
        if (accept != null) {
            return accept(files, out);
        }
        List<StorySource> sources = stories(files, chosen);
        CoverageUsage usage = CoverageUsage.scan(CoverageUsage.templates(new ResourceSet("templates", templates, chosen)),
                sources.stream().map(StorySource::story).toList());
        Coverage coverage = Coverage.of(files, usage);
        if (missing != null) {
            if (coverage.language(missing).isEmpty() || PseudoLocale.SOURCE.equals(missing)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--missing " + missing
                        + ": not a translated language; choose one of " + coverage.languages().stream()
                        .filter(row -> !row.isSource()).map(Coverage.Language::tag).toList());
            }
            Translations loaded = new Translations(files, chosen);
            StorySource example = sources.get(0);
            Catalog english = loaded.catalog(PseudoLocale.SOURCE, example);
            String text = CoverageExport.missing(coverage, missing, english, example.story(), loaded.catalog(missing));
            if (output == null) {
                out.print(text);
            } else {
                write(output, text);
                out.println("wrote " + output + " (" + coverage.language(missing).orElseThrow().missing().size() + " missing, "
                        + coverage.language(missing).orElseThrow().stale().size() + " stale)");
            }
        } else {
            out.print(format == OutputFormat.json ? coverage.json() : coverage.table());
        }
        out.flush();
        return ExitCode.OK;
    }

    private int accept(ResourceSet files, java.io.PrintWriter out) {
        if (translations == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--accept needs --translations DIR: the record is written to DIR/" + accept + "/" + Coverage.LOCK);
        }
        if (!new Translations(files).tags().contains(accept) || PseudoLocale.SOURCE.equals(accept)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--accept " + accept
                    + ": not a translated language; choose one of " + new Translations(files).tags());
        }
        Path lock = translations.resolve(accept).resolve(Coverage.LOCK);
        write(lock, Coverage.lock(files, accept));
        out.println("wrote " + lock);
        out.flush();
        return ExitCode.OK;
    }

    private List<StorySource> stories(ResourceSet files, Limits chosen) {
        if (stories.isEmpty()) {
            return List.of(Builder.embeddedDefaultSource(new StoryLoader(), new Translations(files).tags()));
        }
        List<StorySource> sources = new ArrayList<>();
        StoryLoader loader = new StoryLoader(chosen);
        for (Path story : stories) {
            if (!Files.exists(story)) {
                throw new InvalidInputException(story.toString(), 0, 0, "",
                        "no such story file or folder; give a story's YAML file or a story bundle folder (holding story.yaml)");
            }
            sources.add(loader.loadSource(story));
        }
        return sources;
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
