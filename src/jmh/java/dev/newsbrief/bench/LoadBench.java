package dev.newsbrief.bench;

import dev.newsbrief.build.Builder;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Loading the inputs: a story (embedded and from a folder), the translations, one story's catalog. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = Stages.LOGGING)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LoadBench {

    /** The embedded translations (their language list read), and a copy of the default story's bundle folder on disk. */
    @State(Scope.Benchmark)
    public static class Inputs {
        Translations translations;
        Path folder;

        @Setup
        public void setUp() throws IOException {
            translations = new Translations(new ResourceSet("translations", null));
            translations.tags();
            // Copied out of the class path so the folder benchmark reads real files wherever it runs from.
            folder = Files.createTempDirectory("newsbrief-bench-story");
            List<String> names = new ArrayList<>(List.of(StoryLoader.BUNDLE_STORY));
            for (String tag : Stages.LANGUAGES) {
                names.add(tag + ".yaml");
            }
            for (String name : names) {
                try (InputStream in = LoadBench.class.getClassLoader().getResourceAsStream(Builder.DEFAULT_STORY + "/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("the default story has no " + name + " on the class path");
                    }
                    Files.copy(in, folder.resolve(name));
                }
            }
        }

        @TearDown
        public void tearDown() throws IOException {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }

    /** The embedded default story bundle: its facts and its four languages' wording, parsed and validated. */
    @Benchmark
    public StorySource embeddedStory(Inputs inputs) {
        return Builder.embeddedDefaultSource(new StoryLoader(), inputs.translations.tags());
    }

    /** The same bundle read from a folder on disk ({@code story.yaml} and {@code <tag>.yaml}), as {@code newsbrief build DIR} does. */
    @Benchmark
    public StorySource storyFolder(Inputs inputs) {
        return new StoryLoader().loadSource(inputs.folder);
    }

    /** The embedded translations, from nothing: each language's shared catalog (messages, lexicon) read and checked. */
    @Benchmark
    public List<Catalog> translations() {
        Translations translations = new Translations(new ResourceSet("translations", null));
        List<Catalog> catalogs = new ArrayList<>();
        for (String tag : translations.tags()) {
            catalogs.add(translations.catalog(tag));
        }
        return catalogs;
    }

    /** One story's catalog in one language: its own wording merged over the (already loaded) shared catalog. */
    @Benchmark
    public Catalog catalog(Stages stages, Stages.Language language) {
        return stages.translations.catalog(language.language, stages.source);
    }
}
