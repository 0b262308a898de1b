package dev.newsbrief.cli;

import dev.newsbrief.check.Checker;
import dev.newsbrief.check.Project;
import dev.newsbrief.check.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief check}: finds every problem in stories, translations, templates and fonts, without building. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Checks stories, story bundles, translations, templates and the font configuration together, and reports every "
                + "problem (not only the first) as file:line:column, the field or key, what was expected and a hint.",
            "Writes nothing. Exit 0 when there is no error (warnings allowed), 3 when there is one.",
            "With no STORY: the embedded default story, with the translations and templates as build would use them."})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    enum OutputFormat { text, json }

    @Parameters(paramLabel = "STORY", arity = "0..*",
            description = "Story bundles (folders holding story.yaml) or story files (YAML). Default: the embedded default story.")
    List<Path> stories = new ArrayList<>();

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Templates merged over the embedded ones, as for build.")
    Path templates;

    @Option(names = "--translations", paramLabel = "DIR",
            description = "Translations merged over the embedded ones, as for build.")
    Path translations;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How to print the report: text (one line per problem) or json (for CI). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--limit", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "Raise (or lower) a limit, as for build.")
    java.util.Map<String, String> limits = new java.util.LinkedHashMap<>();

    @Option(names = {"-q", "--quiet"}, description = "Print only problems; nothing when there are none.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also print, on stderr, how long each family of checks took.")
    boolean verbose;

    /** The top command, for the console (terminal, colour). */
    @CommandLine.ParentCommand
    NewsbriefCommand parent;

    @Override
    public Integer call() {
        Project project = new Project(stories, templates, translations, Environments.limits(limits, spec));
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quiet and --verbose exclude each other");
        }
        var err = spec.commandLine().getErr();
        Report report = Checker.standard().check(project, (check, nanos) -> {
            if (verbose) {
                err.println(check + ": " + java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(nanos) + " ms");
                err.flush();
            }
        });
        var out = spec.commandLine().getOut();
        Console console = parent == null ? Console.PLAIN : parent.console();
        if (format == OutputFormat.json) {
            out.print(report.json());
        } else {
            // As Report.text(), with the severity coloured on a terminal.
            report.problems().forEach(problem -> out.print(console.format(problem) + "\n"));
            if (!quiet) {
                out.print(report.summary() + "\n");
            }
        }
        out.flush();
        return report.hasErrors() ? ExitCode.INVALID_INPUT : ExitCode.OK;
    }
}
