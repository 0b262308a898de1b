package dev.newsbrief.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A build in its own JVM for {@link BuildKillTest}: builds the story {@code args[1]} as
 * {@link #options} says into the output {@code args[0]}, printing each step, and when
 * {@code args[2]} (an event) has happened {@code args[3]} times, prints {@code PAUSED} and
 * waits to be killed.
 */
public final class KillableBuild {
    private KillableBuild() { }

    /** What the killed build (and the build after it) makes: four languages, HTML and PDF. */
    static BuildOptions options(Path output, Path story) {
        return BuildOptions.defaults().withOutput(output).withLanguages(List.of("en", "ru", "az", "hy"))
                .withFormats(Set.of(Format.HTML, Format.PDF))
                .withStories(List.of(story));
    }

    public static void main(String[] args) throws InterruptedException {
        Path output = Path.of(args[0]);
        Path story = Path.of(args[1]);
        String pauseAt = args[2];
        int times = Integer.parseInt(args[3]);
        AtomicInteger seen = new AtomicInteger();
        new Builder().build(options(output, story), (event, detail) -> {
            System.out.println(event + " " + detail);
            System.out.flush();
            if (event.name().equals(pauseAt) && seen.incrementAndGet() == times) {
                System.out.println("PAUSED");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.out.println("DONE");
    }
}
