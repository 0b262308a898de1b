package dev.newsbrief.cli;

import dev.newsbrief.resource.ResourceSet;

import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsbrief init DIR}: a project to edit. The sample story bundle is copied whole (it is
 * the user's to change). Templates and translations are not: --templates replaces embedded
 * files one by one and --translations merges key by key, so a full copy would override every
 * file and every key, and a later newsbrief's fixes and new keys would never reach the
 * project. Like Hugo's and JBake's new-site skeletons, it gets starter files that override
 * nothing and say how to override one thing; {@code --full} copies everything, for those who
 * mean to own it all.
 */
@Command(name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Creates a project to edit: a sample story, starter templates and translations, and a README.",
            "In DIR: stories/" + InitCommand.SAMPLE + "/ (the sample story bundle, yours to change), "
                + "templates/ and translations/ (starters that override nothing yet; their README.md says how), a README.md and "
                + "a .gitignore; then it prints the commands to run next. DIR must be new or empty, unless --force."})
final class InitCommand implements Callable<Integer> {
    /** The embedded story bundle the project starts from. */
    static final String SAMPLE = "armenia-azerbaijan-peace-2025";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The project's directory; created if missing.")
    Path directory;

    @Option(names = "--force",
            description = "Write into a directory that is not empty: the files init makes are replaced, others are left alone.")
    boolean force;

    @Option(names = "--full",
            description = "Copy every embedded template and translation, to edit them all. The project then overrides every "
                + "file and every key, so a newer newsbrief's fixes and new messages do not reach it until you merge them.")
    boolean full;

    @Override
    public Integer call() throws IOException {
        refuseNonEmpty();
        Map<String, byte[]> files = new TreeMap<>();
        embedded("stories/" + SAMPLE).forEach((name, bytes) -> files.put("stories/" + SAMPLE + "/" + name, bytes));
        SortedMap<String, byte[]> templates = embedded("templates");
        SortedMap<String, byte[]> translations = embedded("translations");
        if (full) {
            templates.forEach((name, bytes) -> files.put("templates/" + name, bytes));
            translations.forEach((name, bytes) -> files.put("translations/" + name, bytes));
        } else {
            files.put("templates/README.md", utf8(templatesReadme(templates.keySet())));
            files.put("translations/README.md", utf8(TRANSLATIONS_README));
            var shipped = new dev.newsbrief.i18n.Translations(new ResourceSet("translations", null));
            for (String tag : languages(translations.keySet())) {
                // The example is the language's own wording of a key, so the starter shows its script and style.
                String example = shipped.catalog(tag).pattern(EXAMPLE_KEY).orElse("…");
                files.put("translations/" + tag + "/messages.yaml", utf8(starterMessages(tag, example)));
            }
        }
        files.put("README.md", utf8(projectReadme()));
        files.put(".gitignore", utf8("# newsbrief build output\n/output/\n"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        var out = spec.commandLine().getOut();
        out.println("created a newsbrief project in " + directory + " (" + files.size() + " files)");
        out.println();
        out.println("next:");
        out.println("  cd " + directory);
        commands().forEach(command -> out.println("  " + command));
        out.flush();
        return ExitCode.OK;
    }

    private void refuseNonEmpty() throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new InvalidInputException(directory.toString(), 0, 0, "", "is a file, not a directory; name a new or empty directory");
        }
        if (force || !Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> children = Files.list(directory)) {
            if (children.findAny().isPresent()) {
                throw new InvalidInputException(directory.toString(), 0, 0, "",
                        "the directory is not empty; name a new or empty one, or add --force to write the project's files into it "
                            + "(files of the same name are replaced, others are left alone)");
            }
        }
    }

    /** The commands to try in the new project, from inside it. */
    static List<String> commands() {
        String story = "stories/" + SAMPLE;
        String overrides = " --templates templates --translations translations";
        return List.of(
                "newsbrief check " + story + overrides,
                "newsbrief build " + story + overrides + " -o output",
                "newsbrief serve " + story + overrides,
                "newsbrief translations" + " --translations translations");
    }

    private static List<String> languages(java.util.Set<String> translationFiles) {
        return translationFiles.stream().filter(name -> name.endsWith("/messages.yaml"))
                .map(name -> name.substring(0, name.indexOf('/'))).distinct().sorted().toList();
    }

    /**
     * Every file newsbrief ships under the classpath folder {@code root}, by its path relative to
     * {@code root} with '/' separators, sorted.
     */
    static SortedMap<String, byte[]> embedded(String root) {
        ResourceSet shipped = new ResourceSet(root, null);
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String name : shipped.embeddedFiles("")) {
            files.put(name, shipped.findBytes(name).orElseThrow());
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("embedded " + root + " is missing from the jar");
        }
        return files;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String projectReadme() {
        StringBuilder text = new StringBuilder();
        text.append("""
                # A newsbrief project

                Made by `newsbrief init`. newsbrief renders each story in `stories/` into briefs in every
                language of `translations/`, as HTML pages and PDFs.

                ```
                stories/%s/   the sample story: story.yaml (the facts, as data) and
                                                   <tag>.yaml (wording true of this story only, per language)
                templates/       your templates; each file here replaces the embedded one of the same name
                translations/    your translations; each key here replaces the embedded one, <tag>/ adds a language
                output/          what build writes (ignored by git)
                ```

                Copy the story folder to start a new story; give it a new `id` in its story.yaml.

                ## Commands

                Run them in this folder:

                ```sh
                """.formatted(SAMPLE));
        commands().forEach(command -> text.append(command).append('\n'));
        text.append("""
                ```

                - `check` reports every problem, with file:line:column and a hint; exit 0 when there is no error.
                - `build` writes `output/<tag>/<story>.html` and `.pdf`, and `output/pack/<story>.pdf`.
                - `serve` previews the stories in a browser and reloads when a file changes.
                - `translations` shows, per language, which messages are present, missing or unused.

                `newsbrief <command> --help` lists every option; `man newsbrief` if the man page is installed.
                """);
        return text.toString();
    }

    private static String templatesReadme(java.util.Set<String> embedded) {
        StringBuilder text = new StringBuilder("""
                # templates/

                Empty on purpose: newsbrief uses its embedded templates, and a file you put here replaces
                the embedded file of the same path, and only that file (`kinds/<kind>/<file>` replaces
                it for one kind of story). Override only what you change: each file you copy stops
                following newsbrief's own fixes to it when you upgrade.

                To get a file to start from, make a scratch project with every embedded file
                (`newsbrief init --full scratch`) and copy the one you need from `scratch/templates/`.

                The embedded files:

                """);
        embedded.stream().filter(name -> !name.startsWith("fonts/")).forEach(name -> text.append("- `").append(name).append("`\n"));
        text.append("- `fonts/…` (the Noto fonts the HTML pages and PDFs embed)\n");
        return text.toString();
    }

    private static final String TRANSLATIONS_README = """
            # translations/

            One folder per language, named by its BCP 47 tag (hy, az, ru, en). Each `messages.yaml`
            here is merged over newsbrief's embedded one key by key: put in it only the keys you
            change; every other key keeps newsbrief's wording, and gets its fixes when you upgrade.
            The same holds for `lexicon.yaml` (grammatical forms) and `typography.yaml` (line breaking).

            A new folder (e.g. `el/` with `messages.yaml` and `lexicon.yaml`) adds a language:
            `newsbrief translations --missing el --translations translations` writes the file a
            translator fills in. `newsbrief check` reports a wrong key or argument with its line.

            To see the embedded files, make a scratch project with `newsbrief init --full scratch`.
            """;

    /** The key a starter messages file shows as its example: {@code label.languages}. */
    private static final String EXAMPLE_KEY = "label.languages";

    private static String starterMessages(String tag, String example) {
        return """
                # Messages for '%s' merged over newsbrief's own, key by key (ICU MessageFormat).
                # Add only the keys you change, nested as in the embedded file; for example:
                #
                # label:
                #   languages: %s
                #
                # An empty mapping changes nothing.
                {}
                """.formatted(tag, example);
    }
}
