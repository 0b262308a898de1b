package dev.newsbrief.build;

import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.pdf.PdfRenderer;
import dev.newsbrief.render.HtmlBrief;
import dev.newsbrief.render.Renderer;
import dev.newsbrief.resource.ResourceSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The files a build would write, rendered in memory on demand and kept until an input changes:
 * the warm pipeline behind {@code newsbrief serve}. It loads and checks inputs exactly as
 * {@link Builder} does and renders with the same renderers, so a preview shows what a build
 * publishes (or fails as the build would, with the same {@link dev.newsbrief.model.InvalidInputException}).
 *
 * <p>Fonts are parsed once; templates, translations and stories are read again only after
 * {@link #changed} names a file of theirs. Thread-safe: renders run one at a time (PDF layout is
 * not known to be thread-safe, and a preview has one reader).
 */
public final class Preview {
    /** Hears every file rendered (not those served from the cache); detail: its path in the output, e.g. {@code en/x.html}. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = path -> { };

        void rendered(String path);
    }

    /** One language of a story: its tag and its name in itself (the switcher's wording). */
    public record Language(String tag, String name) { }

    /** One story and the languages it can be previewed in, in tag order. */
    public record PreviewStory(String id, List<Language> languages) {
        public PreviewStory {
            languages = List.copyOf(languages);
        }
    }

    private final BuildOptions options;
    private final Listener listener;
    private final Path templatesDirectory;
    private final Path translationsDirectory;

    // Each part is null until first needed and again after its inputs change.
    private Builder fonts = new Builder();
    private Translations translations;
    private List<StorySource> sources;
    private Map<String, Loaded> stories;
    private Renderer renderer;
    private HtmlBrief html;
    private PdfRenderer pdf;
    private final Map<String, byte[]> renders = new HashMap<>();

    /** One story with its checked catalogs, in the build's language order. */
    private record Loaded(StorySource source, List<Catalog> catalogs) { }

    /**
     * @param options  the build's inputs: stories, templates, translations, languages, PDF options, limits
     *                 (output and formats are not used: nothing is written)
     * @param listener told of every render
     */
    public Preview(BuildOptions options, Listener listener) {
        this.options = Objects.requireNonNull(options, "The parameter 'options' must not be null");
        this.listener = Objects.requireNonNull(listener, "The parameter 'listener' must not be null");
        this.templatesDirectory = absolute(options.templates());
        this.translationsDirectory = absolute(options.translations());
    }

    private static Path absolute(Path path) {
        return path == null ? null : path.toAbsolutePath().normalize();
    }

    /** The files and folders whose changes this preview must hear of: the stories, the templates and translations directories. */
    public List<Path> inputs() {
        List<Path> inputs = new ArrayList<>();
        options.stories().forEach(story -> inputs.add(absolute(story)));
        if (templatesDirectory != null) {
            inputs.add(templatesDirectory);
        }
        if (translationsDirectory != null) {
            inputs.add(translationsDirectory);
        }
        return inputs;
    }

    /**
     * Every story with its languages.
     *
     * @throws dev.newsbrief.model.InvalidInputException when a story or translation is invalid, as in a build
     */
    public synchronized List<PreviewStory> stories() {
        List<PreviewStory> list = new ArrayList<>();
        loaded().forEach((id, story) -> list.add(new PreviewStory(id, story.catalogs().stream()
                .map(catalog -> new Language(catalog.tag(), languageName(catalog))).toList())));
        return list;
    }

    private static String languageName(Catalog catalog) {
        return catalog.pattern("meta.languageName").orElseGet(() -> catalog.formatter().languageName(catalog.tag()));
    }

    /**
     * One file, as the build would write it at {@code format.path(storyId, tag)}: rendered on the
     * first call, then the same bytes until an input changes. The HTML page's switcher lists every
     * language of the story. Empty for an unknown story or language; {@code tag} is ignored for the pack.
     *
     * @throws dev.newsbrief.model.InvalidInputException when an input is invalid or a limit is exceeded, as in a build
     */
    public synchronized Optional<byte[]> render(String storyId, Format format, String tag) {
        Loaded story = loaded().get(storyId);
        if (story == null) {
            return Optional.empty();
        }
        Catalog catalog = format.allLanguages() ? story.catalogs().get(0)
                : story.catalogs().stream().filter(c -> c.tag().equals(tag)).findFirst().orElse(null);
        if (catalog == null) {
            return Optional.empty();
        }
        String path = format.path(storyId, format.allLanguages() ? PdfRenderer.MULTIPLE_LANGUAGES : catalog.tag());
        byte[] cached = renders.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        byte[] bytes = Builder.withGlyphErrorsLocated(story.source(), story.catalogs(), () -> switch (format) {
            case HTML -> html().render(story.source().story(), catalog, story.catalogs()).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf().brief(story.source().story(), catalog, options.pdf());
            case PACK -> pdf().pack(story.source().story(), story.catalogs(), options.pdf());
        });
        renders.put(path, bytes);
        listener.rendered(path);
        return Optional.of(bytes);
    }

    /**
     * Forgets what {@code paths} (absolute, changed, created or deleted) may have changed: every
     * render; the templates (and the fonts, when a font or its list changed) for a path under
     * the templates directory; the translations (and each story's catalogs) for one under the
     * translations directory; the stories for any other. What did not change is kept: a story is
     * not parsed again for a translation's change.
     */
    public synchronized void changed(Collection<Path> paths) {
        renders.clear();
        for (Path path : paths) {
            Path changed = absolute(path);
            if (templatesDirectory != null && changed.startsWith(templatesDirectory)) {
                renderer = null;
                html = null;
                pdf = null;
                String name = changed.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".yaml")) {
                    fonts = new Builder();
                }
            } else if (translationsDirectory != null && changed.startsWith(translationsDirectory)) {
                translations = null;
                stories = null;
                if (options.stories().isEmpty()) {
                    // The embedded story's wording is read for the languages translations has.
                    sources = null;
                }
            } else {
                sources = null;
                stories = null;
            }
        }
    }

    private Map<String, Loaded> loaded() {
        if (stories == null) {
            if (translations == null) {
                translations = new Translations(new ResourceSet("translations", options.translations(), options.limits()),
                        options.limits());
            }
            List<String> languages = Builder.languages(options, translations);
            if (sources == null) {
                sources = Builder.stories(options, translations, new StoryLoader(options.limits()));
            }
            Map<String, Loaded> byId = new LinkedHashMap<>();
            for (StorySource source : sources) {
                translations.checkBundleLanguages(source);
                List<Catalog> catalogs = new ArrayList<>();
                for (String tag : languages.stream().sorted().toList()) {
                    catalogs.add(Builder.checkedCatalog(translations, source, tag));
                }
                byId.put(source.story().id(), new Loaded(source, List.copyOf(catalogs)));
            }
            stories = byId;
        }
        return stories;
    }

    private Renderer renderer() {
        if (renderer == null) {
            renderer = new Renderer(options.templates(), options.limits());
        }
        return renderer;
    }

    private HtmlBrief html() {
        if (html == null) {
            html = new HtmlBrief(renderer(), fonts.webFonts(options));
        }
        return html;
    }

    private PdfRenderer pdf() {
        if (pdf == null) {
            pdf = new PdfRenderer(renderer(), Builder.templates(options), fonts.fonts(options), options.limits());
        }
        return pdf;
    }
}
