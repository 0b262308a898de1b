package dev.newsbrief.cli;

import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.Preview;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.pdf.PdfOptions;
import dev.newsbrief.serve.PreviewServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief serve}: a live preview of the stories, every language side by side, reloading as files change. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Serves a live preview of stories in every language: an index of every story, language and format, each HTML brief "
                + "and PDF as the build makes them, the briefing pack, and /side-by-side/<story> with the languages in columns, "
                + "section by section.",
            "When a story, translation or template changes, open pages reload by themselves; a broken file shows in the page "
                + "with its file, line and the offending text. Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    static final String LOOPBACK = "127.0.0.1";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "STORY", arity = "0..*",
            description = "Story bundles (folders holding story.yaml) or story files (YAML), as for build. "
                + "Default: the embedded Armenia–Azerbaijan peace agreement story.")
    List<Path> stories = new ArrayList<>();

    @Option(names = {"-l", "--lang"}, split = ",", paramLabel = "TAG",
            description = "Languages to preview, as BCP 47 tags (comma-separated). Default: every language in translations.")
    List<String> languages = new ArrayList<>();

    @Option(names = "--templates", paramLabel = "DIR",
            description = "A directory whose templates replace the embedded ones, file by file (as for build); watched.")
    Path templates;

    @Option(names = "--translations", paramLabel = "DIR",
            description = "A directory of translations merged over the embedded ones key by key (as for build); watched.")
    Path translations;

    @Option(names = "--paper", paramLabel = "SIZE", defaultValue = "a4",
            description = "PDF page size: a4 or letter. Default: ${DEFAULT-VALUE}.")
    PdfOptions.Paper paper;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = LOOPBACK,
            description = "The address to listen on. Default: ${DEFAULT-VALUE}, this machine only; any other address "
                + "shows the unpublished stories to whoever can reach it (a warning says so).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port to listen on; 0 picks a free one (the URL printed says which). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--limit", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "Raise (or lower) a limit, as for build. Repeat for several.")
    java.util.Map<String, String> limits = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port: " + port + " is not a port; give 1 to 65535, or 0 for any free one");
        }
        for (Path story : stories) {
            if (!Files.isRegularFile(story) && !Files.isDirectory(story)) {
                throw new InvalidInputException(story.toString(), 0, 0, "",
                        "no such story file or folder; give a story's YAML file or a story bundle folder (holding story.yaml)");
            }
        }
        BuildOptions options = BuildOptions.defaults()
                .withStories(stories)
                .withLanguages(languages)
                .withTemplates(templates)
                .withTranslations(translations)
                .withPdf(new PdfOptions(paper, PdfOptions.Profile.STANDARD, null))
                .withLimits(Environments.limits(limits, spec));
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!isLoopback(host)) {
            err.println("newsbrief: warning: listening on " + host + " shows the preview (unpublished stories included) to anyone "
                    + "who can reach this machine; the default, " + LOOPBACK + ", is this machine only");
            err.flush();
        }
        PreviewServer server = PreviewServer.start(options, host, port, Preview.Listener.NONE);
        // Ctrl-C and SIGTERM run the hook: it stops watching, ends the event streams and stops the server, and join returns.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "newsbrief-serve-stop"));
        out.println("serving " + server.uri() + " (Ctrl-C to stop)");
        out.flush();
        server.join();
        return ExitCode.OK;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
