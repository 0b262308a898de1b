package dev.newsbrief.bench;

import dev.newsbrief.build.Builder;
import dev.newsbrief.font.FontConfig;
import dev.newsbrief.font.WebFonts;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.pdf.PdfFonts;
import dev.newsbrief.pdf.PdfRenderer;
import dev.newsbrief.render.HtmlBrief;
import dev.newsbrief.render.Renderer;
import dev.newsbrief.resource.ResourceSet;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The parts a build wires together, made once per benchmark fork the way {@link Builder} makes
 * them: embedded translations and templates, the default story, HTML pages with their web fonts
 * inlined, PDFs with the fonts parsed once. Made before a benchmark's first iteration, never timed.
 */
@State(Scope.Benchmark)
public class Stages {
    /** The languages of the embedded translations and the default story, in build order. */
    static final String[] LANGUAGES = {"en", "hy", "az", "ru"};
    /** FreeMarker logs through SLF4J, as in the jar: the test class path also holds log4j, which it would pick. */
    static final String LOGGING = "-Dorg.freemarker.loggerLibrary=SLF4J";

    Translations translations;
    StorySource source;
    List<Catalog> catalogs;
    HtmlBrief html;
    PdfRenderer pdf;

    @Setup
    public void setUp() {
        translations = new Translations(new ResourceSet("translations", null));
        source = Builder.embeddedDefaultSource(new StoryLoader(), translations.tags());
        catalogs = Arrays.stream(LANGUAGES).map(tag -> translations.catalog(tag, source)).toList();
        Renderer renderer = new Renderer(null);
        ResourceSet templates = new ResourceSet("templates", null);
        FontConfig fonts = FontConfig.load(templates, Limits.DEFAULT);
        html = new HtmlBrief(renderer, new WebFonts(fonts));
        pdf = new PdfRenderer(renderer, templates, PdfFonts.of(fonts));
    }

    /** One language of the default story: the benchmarks that take it run once per language. */
    @State(Scope.Benchmark)
    public static class Language {
        @Param({"en", "hy", "az", "ru"})
        public String language;
        Catalog catalog;

        @Setup
        public void setUp(Stages stages) {
            catalog = stages.catalogs.stream().filter(each -> each.tag().equals(language)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("-p language=" + language
                            + ": the default story has " + String.join(", ", LANGUAGES)));
        }
    }
}
