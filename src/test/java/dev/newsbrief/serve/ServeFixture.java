package dev.newsbrief.serve;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.Preview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A preview server over a temporary copy of the fixture story bundle (fixture/serve/plain-signing,
 * worded only by the shared frames, so a shared message changes its headline) and an empty
 * {@code --translations} directory with a {@code ru/} folder, counting every render by path.
 */
final class ServeFixture implements AutoCloseable {
    static final String STORY = "plain-signing-2027";

    final Path story;
    final Path translations;
    final PreviewServer server;
    final Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();

    ServeFixture(Path temp) {
        story = temp.resolve("plain-signing");
        translations = temp.resolve("translations");
        Fixtures.copyTree(Fixtures.fixture("serve/plain-signing"), story);
        try {
            Files.createDirectories(translations.resolve("ru"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BuildOptions options = BuildOptions.defaults().withStories(List.of(story)).withTranslations(translations);
        Preview.Listener counter = path -> renders.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        server = PreviewServer.start(options, "127.0.0.1", 0, counter);
    }

    int rendersOf(String path) {
        AtomicInteger count = renders.get(path);
        return count == null ? 0 : count.get();
    }

    String url(String path) {
        return server.uri().resolve(path).toString();
    }

    /** Writes {@code translations/ru/messages.yaml}. */
    void writeRussianMessages(String yaml) {
        try {
            Files.writeString(translations.resolve("ru/messages.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
