package dev.newsbrief.build;

import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.model.TextLocator;
import dev.newsbrief.pdf.MissingGlyphException;
import dev.newsbrief.font.FontConfig;
import dev.newsbrief.font.WebFonts;
import dev.newsbrief.pdf.PdfFonts;
import dev.newsbrief.pdf.PdfRenderer;
import dev.newsbrief.render.HtmlBrief;
import dev.newsbrief.render.Renderer;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Runs a build: loads and validates every input first, then, holding the output
 * directory's lock, renders every (story × language × format) into a new release and
 * makes it live in one atomic step ({@link OutputDirectory}). A failed or killed build
 * leaves the output as it was.
 */
public final class Builder {
    /** The story bundle built when none is named (a classpath folder, from the repository's {@code stories/}). */
    public static final String DEFAULT_STORY = "stories/armenia-azerbaijan-peace-2025";
    public static final String MANIFEST = "manifest.json";

    private final Map<String, PdfFonts> fonts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, WebFonts> webFonts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, FontConfig> fontConfigs = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What a long-running newsbrief (the daemon, the scheduler) reuses from build to build while its
     * inputs are unchanged: the translations, and the templates compiled with the fonts parsed (a PDF
     * renderer keeps one set of parsed fonts per thread). One entry per directory and limits, replaced
     * when the directory's contents change.
     */
    private final Map<String, Reused<Translations>> translationsCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Reused<Engines>> enginesCache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Reused<T>(String fingerprint, T value) { }

    /** The renderers one build uses. */
    private record Renderers(HtmlBrief html, PdfRenderer pdf) { }

    /** The renderers of one templates directory; the PDF one made when a build first needs it. */
    private record Engines(Renderer renderer, HtmlBrief html, java.util.concurrent.atomic.AtomicReference<PdfRenderer> pdf) { }

    private static <T> T reused(Map<String, Reused<T>> cache, String key, String fingerprint, java.util.function.Supplier<T> make) {
        return cache.compute(key, (k, cached) -> cached != null && cached.fingerprint().equals(fingerprint)
                ? cached : new Reused<>(fingerprint, make.get())).value();
    }

    public BuildResult build(BuildOptions options) {
        return build(options, BuildListener.NONE);
    }

    /**
     * Builds and publishes, telling {@code listener} each step. Stories stream through: each is
     * loaded, checked and rendered while the next ones load, on {@link BuildOptions#threads()}
     * workers, and dropped once its files are written, so memory does not grow with the number
     * of stories. Every file goes to a staging directory first: a bad story, wherever it is in
     * the list, fails the build with the output exactly as it was; otherwise the output changes
     * in one atomic step. A failure is the first in story and file order, as on one thread.
     */
    public BuildResult build(BuildOptions options, BuildListener listener) {
        Translations translations = reused(translationsCache, options.translations() + " " + options.limits(),
                Fingerprint.files(options.translations()),
                () -> new Translations(new ResourceSet("translations", options.translations(), options.limits()), options.limits()));
        List<String> languages = languages(options, translations);
        checkStoryFilesExist(options);
        String templatesPrint = Fingerprint.files(options.templates());
        // Made when the first story is loaded: a bad story or translation is reported before a bad template or font list.
        java.util.function.Supplier<Renderers> renderers = new java.util.function.Supplier<>() {
            private Renderers made;

            @Override
            public Renderers get() {
                if (made == null) {
                    Engines engines = reused(enginesCache, fontKey(options), templatesPrint, () -> {
                        Renderer renderer = new Renderer(options.templates(), options.limits());
                        return new Engines(renderer, new HtmlBrief(renderer, webFonts(options)),
                                new java.util.concurrent.atomic.AtomicReference<>());
                    });
                    made = new Renderers(engines.html(), needsPdf(options) ? engines.pdf().updateAndGet(pdf -> pdf != null ? pdf
                            : new PdfRenderer(engines.renderer(), templates(options), fonts(options), options.limits())) : null);
                }
                return made;
            }
        };

        Path output = options.output().toAbsolutePath().normalize();
        Inputs inputs = new Inputs(options, templatesPrint);
        BuildListener heard = serialised(listener);
        boolean outputExisted = Files.exists(output, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        boolean stateExisted = Files.exists(output.resolve(OutputDirectory.STATE), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        try {
            return build(options, translations, languages, renderers, output, inputs, heard);
        } catch (RuntimeException | Error e) {
            // Stories are checked while the output is locked: a bad one must not leave a lock folder behind either.
            if (!stateExisted && !(e instanceof OutputLockedException)) {
                OutputDirectory.forgetUnused(output, outputExisted);
            }
            throw e;
        }
    }

    private BuildResult build(BuildOptions options, Translations translations, List<String> languages,
                              java.util.function.Supplier<Renderers> renderers, Path output, Inputs inputs, BuildListener heard) {
        int storyCount = Math.max(1, options.stories().size());
        StoryLoader storyLoader = new StoryLoader(options.limits());
        try (OutputDirectory directory = OutputDirectory.open(output, options.waitForLock(), heard);
             Workers workers = new Workers(options.threads())) {
            List<ManifestEntry> published = options.clean() ? List.of() : directory.published();
            Map<String, String> publishedInputs = new java.util.HashMap<>();
            published.forEach(entry -> publishedInputs.put(entry.path(), entry.inputs()));
            // Told when the first file is to be rendered: a build where nothing changed plans nothing.
            Staging staging = new Staging(directory, () -> heard.event(BuildListener.Event.PLANNED,
                    Integer.toString(storyCount * filesPerStory(options, languages) + options.extras().size())));
            boolean isPublished = false;
            try {
                ArrayDeque<Future<ManifestEntry>> pending = new ArrayDeque<>();
                ArrayDeque<Future<LoadedStory>> loading = new ArrayDeque<>();
                List<ManifestEntry> written = new ArrayList<>();
                Map<String, String> storyIds = new java.util.HashMap<>();
                int nextToLoad = 0;
                for (int s = 0; s < storyCount; s++) {
                    // Load and check a few stories ahead of the one being planned: the workers never wait for input.
                    while (nextToLoad < storyCount && nextToLoad <= s + options.threads()) {
                        int index = nextToLoad++;
                        loading.add(workers.submit(() -> loadChecked(options, index, translations, storyLoader, languages)));
                    }
                    StorySource source;
                    try {
                        LoadedStory loaded = Workers.result(loading.removeFirst());
                        source = loaded.source();
                        checkIdUnique(source, storyIds);
                        if (loaded.wordingProblem() != null) {
                            throw loaded.wordingProblem();
                        }
                    } catch (RuntimeException e) {
                        // An earlier story's file may have failed too: that failure comes first, as on one thread.
                        drain(pending, written);
                        throw e;
                    }
                    List<Catalog> catalogs = languages.stream().map(tag -> translations.catalog(tag, source)).toList();
                    List<Catalog> switcher = options.formats().contains(Format.HTML)
                            ? switcherLanguages(source, catalogs, published, translations) : catalogs;
                    List<Planned> files = planStory(new StoryRender(source, catalogs, switcher, published), options,
                            renderers.get().html(), renderers.get().pdf(), inputs, inputs.story(s));
                    submitChanged(files, options, publishedInputs, staging, workers, pending, written, heard);
                }
                List<Planned> extras = new ArrayList<>();
                for (ExtraOutput extra : options.extras()) {
                    extras.add(new Planned(new ManifestEntry(extra.group(), extra.locale(), extra.kind(), extra.path(), 0, "",
                            extra.inputs()), extra.render()));
                }
                submitChanged(extras, options, publishedInputs, staging, workers, pending, written, heard);
                drain(pending, written);
                if (!staging.created() && !options.clean() && directory.intact(published)) {
                    // Every file's inputs are those of its published copy: no new release, not a file touched.
                    heard.event(BuildListener.Event.UP_TO_DATE, output.toString());
                    return new BuildResult(output, List.of(), published, true);
                }
                List<ManifestEntry> manifest = directory.publish(staging.path(), written, !options.clean());
                isPublished = true;
                return new BuildResult(output, written, manifest, false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
            } finally {
                if (!isPublished) {
                    staging.discard();
                }
            }
        }
    }

    /** How many files one story gives, kept ones included (the progress bar's length: kept files are steps too). */
    private static int filesPerStory(BuildOptions options, List<String> languages) {
        int files = 0;
        for (Format format : options.formats()) {
            files += format.allLanguages() ? 1 : languages.size();
        }
        return files;
    }

    private static void checkStoryFilesExist(BuildOptions options) {
        for (Path file : options.stories()) {
            if (!Files.isRegularFile(file) && !Files.isDirectory(file)) {
                throw new InvalidInputException(file.toString(), 0, 0, "",
                        "no such story file or folder; give a story's YAML file or a story bundle folder (holding story.yaml)");
            }
        }
    }

    /**
     * A story loaded on a worker, and what its wording lacks, if anything: held back so that a
     * story whose id is taken is reported as such first, as when stories were loaded one by one.
     */
    private record LoadedStory(StorySource source, RuntimeException wordingProblem) { }

    /** Story {@code index} of the build, loaded, with its wording checked in every language (on a worker). */
    private static LoadedStory loadChecked(BuildOptions options, int index, Translations translations, StoryLoader storyLoader,
                                           List<String> languages) {
        StorySource source = options.stories().isEmpty()
                // The embedded story is part of newsbrief, not input: a lowered --limit does not apply to it.
                ? embeddedDefaultSource(new StoryLoader(), translations.tags())
                : storyLoader.loadSource(options.stories().get(index));
        try {
            translations.checkBundleLanguages(source);
            for (String tag : languages) {
                checkedCatalog(translations, source, tag);
            }
            return new LoadedStory(source, null);
        } catch (InvalidInputException e) {
            return new LoadedStory(source, e);
        }
    }

    /**
     * Renders on the workers each of {@code files} whose published copy has other inputs, and
     * queues their results in plan order. The pack (every language laid out again) goes to the
     * workers first: started last, it would run alone at the end while the other core idles.
     * At most a few files' bytes wait in memory.
     */
    private static void submitChanged(List<Planned> files, BuildOptions options, Map<String, String> publishedInputs, Staging staging,
            Workers workers, ArrayDeque<Future<ManifestEntry>> pending, List<ManifestEntry> written, BuildListener listener)
            throws IOException {
        List<Planned> changed = new ArrayList<>();
        for (Planned file : files) {
            String before = publishedInputs.get(file.entry().path());
            if (!options.force() && before != null && before.equals(file.entry().inputs())) {
                listener.event(BuildListener.Event.UNCHANGED, file.entry().path());
            } else {
                changed.add(file);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        Path into = staging.path();
        Map<Planned, Future<ManifestEntry>> submitted = new java.util.IdentityHashMap<>();
        changed.stream().filter(file -> options.threads() > 1 && file.entry().format().equals(Format.PACK.id()))
                .forEach(file -> submitted.put(file, workers.submit(() -> renderOne(file, into, listener))));
        for (Planned file : changed) {
            submitted.computeIfAbsent(file, f -> workers.submit(() -> renderOne(f, into, listener)));
        }
        for (Planned file : changed) {
            pending.add(submitted.get(file));
        }
        while (pending.size() > 2 * options.threads()) {
            written.add(Workers.resultOrIo(pending.removeFirst()));
        }
    }

    /** Waits for every submitted file, in order; the first failure in that order is thrown. */
    private static void drain(ArrayDeque<Future<ManifestEntry>> pending, List<ManifestEntry> written) throws IOException {
        while (!pending.isEmpty()) {
            written.add(Workers.resultOrIo(pending.removeFirst()));
        }
    }

    private static ManifestEntry renderOne(Planned file, Path staging, BuildListener listener) throws IOException {
        byte[] bytes = file.render().get();
        OutputDirectory.write(staging, file.entry().path(), bytes);
        ManifestEntry entry = file.entry();
        listener.event(BuildListener.Event.RENDERED, entry.path());
        return new ManifestEntry(entry.story(), entry.locale(), entry.format(), entry.path(), bytes.length, sha256(bytes), entry.inputs());
    }

    /** Files are rendered on several threads; the listener hears one event at a time. */
    private static BuildListener serialised(BuildListener listener) {
        Object lock = new Object();
        return (event, detail) -> {
            synchronized (lock) {
                listener.event(event, detail);
            }
        };
    }

    /** The staging directory, made when the first file needs it: a build where nothing changed makes none. */
    private static final class Staging {
        private final OutputDirectory directory;
        private final Runnable onFirstUse;
        private Path path;

        Staging(OutputDirectory directory, Runnable onFirstUse) {
            this.directory = directory;
            this.onFirstUse = onFirstUse;
        }

        Path path() {
            if (path == null) {
                path = directory.stage();
                onFirstUse.run();
            }
            return path;
        }

        boolean created() {
            return path != null;
        }

        void discard() {
            if (path != null) {
                directory.discard(path);
            }
        }
    }

    /** One file the build would write: its manifest entry (size and hash still unknown) and how to make it. */
    private record Planned(ManifestEntry entry, java.util.function.Supplier<byte[]> render) { }

    /** One story's part of a build: its languages, its pages' switcher languages, and what the output already has. */
    private record StoryRender(StorySource source, List<Catalog> catalogs, List<Catalog> switcher, List<ManifestEntry> published) { }

    /**
     * What each file of one story is made from, so that an unchanged file is not rendered again:
     * newsbrief itself, the templates (fonts included), the PDF options, the story's files, the
     * language's translations and, for an HTML page, the languages its switcher lists.
     */
    private static final class Inputs {
        private final String common;
        private final Path translations;
        private final Map<String, String> languages = new java.util.HashMap<>();

        private final List<Path> storyFiles;

        Inputs(BuildOptions options, String templatesPrint) {
            this.common = Fingerprint.of(Fingerprint.code(), templatesPrint, String.valueOf(options.pdf()),
                    typography(options.translations()));
            this.translations = options.translations();
            this.storyFiles = options.stories();
        }

        /** The fingerprint of the build's story {@code index}: its file or folder ("-" for the embedded story, part of the code). */
        String story(int index) {
            return Fingerprint.files(index < storyFiles.size() ? storyFiles.get(index) : null);
        }

        /**
         * Every language's line-breaking rules: a page sets the text of other languages (a quote's
         * original, the switcher's names) by their rules, so a change to any of them touches it.
         */
        private static String typography(Path translations) {
            if (translations == null || !java.nio.file.Files.isDirectory(translations)) {
                return "-";
            }
            try (var folders = java.nio.file.Files.list(translations)) {
                return Fingerprint.of(folders.sorted()
                        .map(folder -> folder.getFileName() + ":" + Fingerprint.files(folder.resolve(dev.newsbrief.i18n.Translations.TYPOGRAPHY)))
                        .toArray(String[]::new));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + translations + " to see whether it changed: " + e.getMessage(), e);
            }
        }

        String of(String story, Format format, List<String> tags, List<String> switcher) {
            List<String> parts = new ArrayList<>(List.of(common, story, format.id(), String.join(",", tags),
                    String.join(",", switcher)));
            for (String tag : tags) {
                parts.add(languages.computeIfAbsent(tag, t -> Fingerprint.files(translations == null ? null : translations.resolve(t))));
            }
            return Fingerprint.of(parts.toArray(String[]::new));
        }
    }

    /** Every file of one story, in format then language order, with the fingerprint of its inputs. */
    private static List<Planned> planStory(StoryRender job, BuildOptions options, HtmlBrief html, PdfRenderer pdf, Inputs inputs,
                                           String storyFingerprint) {
        Story story = job.source().story();
        List<Catalog> catalogs = job.catalogs();
        List<String> switcher = job.switcher().stream().map(Catalog::tag).toList();
        List<Planned> planned = new ArrayList<>();
        for (Format format : Format.values()) {
            if (!options.formats().contains(format)) {
                continue;
            }
            List<Catalog> rendered = format.allLanguages() ? catalogs.subList(0, 1)
                    : format == Format.HTML ? htmlPages(story, catalogs, job.switcher(), job.published()) : catalogs;
            for (Catalog catalog : rendered) {
                String tag = format.allLanguages() ? PdfRenderer.MULTIPLE_LANGUAGES : catalog.tag();
                String relative = format.path(story.id(), tag);
                List<String> tags = format.allLanguages() ? catalogs.stream().map(Catalog::tag).toList() : List.of(catalog.tag());
                String fingerprint = inputs.of(storyFingerprint, format, tags, format == Format.HTML ? switcher : List.of());
                planned.add(new Planned(new ManifestEntry(story.id(), tag, format.id(), relative, 0, "", fingerprint),
                        () -> withGlyphErrorsLocated(job.source(), catalogs, () -> switch (format) {
                            case HTML -> html.render(story, catalog, job.switcher()).getBytes(StandardCharsets.UTF_8);
                            case PDF -> pdf.brief(story, catalog, options.pdf());
                            case PACK -> pdf.pack(story, catalogs, options.pdf());
                        })));
            }
        }
        return planned;
    }

    /**
     * The HTML pages to render: this build's languages in the order asked for, and — when the
     * build adds a language the output did not have — the published ones again, whose
     * switchers must now list it.
     */
    private static List<Catalog> htmlPages(Story story, List<Catalog> catalogs, List<Catalog> switcher, List<ManifestEntry> published) {
        java.util.Set<String> before = new java.util.HashSet<>();
        published.stream().filter(entry -> entry.story().equals(story.id()) && entry.format().equals(Format.HTML.id()))
                .forEach(entry -> before.add(entry.locale()));
        if (catalogs.stream().allMatch(catalog -> before.contains(catalog.tag()))) {
            return catalogs;
        }
        List<Catalog> ordered = new ArrayList<>(catalogs);
        switcher.stream().filter(catalog -> !catalogs.contains(catalog)).forEach(ordered::add);
        return ordered;
    }

    /** The story's catalog in {@code tag}, with every claim, heading, label and entity worded (shared with {@link Preview}). */
    static Catalog checkedCatalog(Translations translations, StorySource source, String tag) {
        Catalog catalog = translations.catalog(tag, source);
        checkWording(source, catalog);
        return catalog;
    }

    /**
     * The languages an HTML page of the story links to: this build's, and those the output
     * already has the story in, so that building one language keeps every page's switcher
     * true. A published language this build does not name is rendered again, with the new
     * switcher; in tag order, so a page does not depend on which build wrote it.
     */
    private static List<Catalog> switcherLanguages(StorySource source, List<Catalog> catalogs, List<ManifestEntry> published,
                                                   Translations translations) {
        Map<String, Catalog> byTag = new java.util.TreeMap<>();
        catalogs.forEach(catalog -> byTag.put(catalog.tag(), catalog));
        for (ManifestEntry entry : published) {
            if (entry.story().equals(source.story().id()) && entry.format().equals(Format.HTML.id()) && !byTag.containsKey(entry.locale())) {
                if (!translations.tags().contains(entry.locale())) {
                    throw new InvalidInputException(Builder.MANIFEST, 0, 0, "", "the output has story '" + source.story().id()
                            + "' in '" + entry.locale() + "', which has no translations now, so its language links cannot be "
                            + "kept true; build with --clean to drop it, or with --translations that has '" + entry.locale() + "'");
                }
                byTag.put(entry.locale(), checkedCatalog(translations, source, entry.locale()));
            }
        }
        return List.copyOf(byTag.values());
    }

    private static boolean needsPdf(BuildOptions options) {
        return options.formats().contains(Format.PDF) || options.formats().contains(Format.PACK);
    }

    static ResourceSet templates(BuildOptions options) {
        return new ResourceSet("templates", options.templates(), options.limits());
    }

    /** Fonts are parsed once per Builder and templates directory: parsing is the costly part of a cold PDF. */
    PdfFonts fonts(BuildOptions options) {
        return fonts.computeIfAbsent(fontKey(options), key -> PdfFonts.of(fontConfig(options)));
    }

    /** The faces each HTML page inlines (subsets of the same fonts as the PDF), read once per Builder and templates directory. */
    WebFonts webFonts(BuildOptions options) {
        return webFonts.computeIfAbsent(fontKey(options), key -> new WebFonts(fontConfig(options)));
    }

    /** fonts.yaml and the font files it names, read once for both outputs. */
    private FontConfig fontConfig(BuildOptions options) {
        return fontConfigs.computeIfAbsent(fontKey(options), key -> FontConfig.load(templates(options), options.limits()));
    }

    private static String fontKey(BuildOptions options) {
        return options.templates() + " " + options.limits();
    }

    /** Points a missing glyph at the story field (or message) that holds the character. */
    static byte[] withGlyphErrorsLocated(StorySource source, List<Catalog> catalogs, java.util.function.Supplier<byte[]> render) {
        try {
            return render.get();
        } catch (MissingGlyphException missing) {
            String problem = missing.language() + ": character " + MissingGlyphException.describe(missing.codePoint())
                    + " " + MissingGlyphException.notIn(missing.families()) + " (in \"" + missing.context()
                    + "\"); remove it, or give this language a font that has it in templates/" + PdfFonts.CONFIG;
            var path = TextLocator.find(source.story(), missing.codePoint(), missing.language());
            if (path.isPresent()) {
                throw source.error(path.get(), problem);
            }
            String character = Character.toString(missing.codePoint());
            // The language the character was found in first; keys in a fixed order, so the same inputs name the same key.
            List<Catalog> ordered = new ArrayList<>(catalogs);
            ordered.sort(Comparator.comparing((Catalog catalog) -> !catalog.tag().equals(missing.language())));
            for (Catalog catalog : ordered) {
                for (String key : new java.util.TreeSet<>(catalog.messages().keySet())) {
                    if (catalog.messages().get(key).contains(character)) {
                        throw catalog.origin(key).error(key, problem);
                    }
                }
            }
            throw new InvalidInputException(source.file(), 0, 0, "", problem);
        }
    }

    static List<String> languages(BuildOptions options, Translations translations) {
        if (options.languages().isEmpty()) {
            return List.copyOf(translations.tags());
        }
        for (String tag : options.languages()) {
            if (!translations.has(tag)) {
                throw new InvalidInputException("--lang", 0, 0, "", "no translations for '" + tag + "'; available: "
                        + String.join(", ", translations.tags()) + ", and the pseudo-locale " + dev.newsbrief.i18n.PseudoLocale.TAG);
            }
        }
        return options.languages().stream().distinct().toList();
    }

    static List<StorySource> stories(BuildOptions options, Translations translations, StoryLoader storyLoader) {
        List<StorySource> stories = new ArrayList<>();
        if (options.stories().isEmpty()) {
            // The embedded story is part of newsbrief, not input: a lowered --limit does not apply to it.
            stories.add(embeddedDefaultSource(new StoryLoader(), translations.tags()));
        } else {
            checkStoryFilesExist(options);
            for (Path file : options.stories()) {
                stories.add(storyLoader.loadSource(file));
            }
        }
        Map<String, String> byId = new java.util.HashMap<>();
        stories.forEach(source -> checkIdUnique(source, byId));
        return stories;
    }

    /** Each story names its output files by its id: a second story with the same id is an error at its own id field. */
    private static void checkIdUnique(StorySource source, Map<String, String> fileById) {
        String earlier = fileById.putIfAbsent(source.story().id(), source.file());
        if (earlier != null) {
            throw source.error("id", "story id '" + source.story().id() + "' is also used by " + earlier
                    + "; each story needs its own id (it names the output files)");
        }
    }

    /**
     * Every claim, section heading, key-fact label and entity of the story must be worded
     * by the language — by the story's bundle or the shared translations, never another
     * story's: fail before rendering, pointing at the story field that needs it.
     */
    private static void checkWording(StorySource source, Catalog catalog) {
        Story story = source.story();
        String bundleFile = "the story's " + catalog.tag() + ".yaml";
        story.allClaims().forEach((path, claim) -> {
            if (catalog.pattern(claim.messageKey()).isEmpty()) {
                throw source.error(path + ".claim", "no wording for claim '" + claim.claim() + "' in language '" + catalog.tag()
                        + "'; add '" + claim.claim() + "' under 'messages: claim:' in " + bundleFile);
            }
        });
        for (int i = 0; i < story.sections().size(); i++) {
            String key = story.sections().get(i).headingKey();
            if (catalog.pattern(key).isEmpty()) {
                throw source.error("sections[" + i + "].id", "no heading '" + key + "' in language '" + catalog.tag()
                        + "'; add it under 'messages:' in " + bundleFile + " (or to the shared messages if every story may use it)");
            }
        }
        for (int i = 0; i < story.keyFacts().size(); i++) {
            String key = story.keyFacts().get(i).labelKey();
            if (catalog.pattern(key).isEmpty()) {
                throw source.error("keyFacts[" + i + "].label", "no label '" + key + "' in language '" + catalog.tag()
                        + "'; add it under 'messages:' in " + bundleFile);
            }
        }
        for (String id : story.entities().keySet()) {
            if (!catalog.lexicon().has(id)) {
                throw source.error("entities." + id, "no name for '" + id + "' in language '" + catalog.tag()
                        + "'; add its forms (" + String.join(", ", catalog.lexicon().required()) + ") under 'lexicon: entries:' in "
                        + bundleFile + ", or to translations/" + catalog.tag() + "/lexicon.yaml if other stories name it too");
            }
        }
    }

    /** The embedded default story bundle: its facts and its wording in each language that has some. */
    public static StorySource embeddedDefaultSource(StoryLoader loader, java.util.Collection<String> tags) {
        Map<String, StorySource.Text> wording = new java.util.TreeMap<>();
        for (String tag : tags) {
            String name = DEFAULT_STORY + "/" + tag + ".yaml";
            String text = classpathText(name);
            if (text != null) {
                wording.put(tag, new StorySource.Text("(embedded) " + name, text));
            }
        }
        return loader.loadBundle("(embedded) " + DEFAULT_STORY + "/" + StoryLoader.BUNDLE_STORY, embeddedDefaultStory(), wording);
    }

    private static String classpathText(String name) {
        try (InputStream in = Builder.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facts of the embedded default story ({@code story.yaml}). */
    public static String embeddedDefaultStory() {
        String text = classpathText(DEFAULT_STORY + "/" + StoryLoader.BUNDLE_STORY);
        if (text == null) {
            throw new IllegalStateException("the embedded default story is missing from the jar: " + DEFAULT_STORY);
        }
        return text;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
