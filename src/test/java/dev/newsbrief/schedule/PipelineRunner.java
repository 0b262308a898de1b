package dev.newsbrief.schedule;

import dev.newsbrief.newsletter.EditionBuilder;
import dev.newsbrief.newsletter.JdbcStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The real pipeline, as {@code newsbrief schedule --store} runs it, for {@link ClusterPipelineTest}:
 * {@link EditionBuilder} builds into the shared {@code -Dnewsbrief.test.output} and sends through
 * the SMTP server the environment names, with editions and deliveries in {@link JdbcStore}.
 * Writes {@code start <pid> <millis>} and {@code end <pid> <millis>} to {@code -Dnewsbrief.test.runs}.
 */
public final class PipelineRunner implements EditionRunner {
    private final JdbcStore store = JdbcStore.open(System.getProperty("newsbrief.test.store"),
            System.getenv("NEWSBRIEF_DB_USER"), System.getenv("NEWSBRIEF_DB_PASSWORD"));
    private final Path runs = Path.of(System.getProperty("newsbrief.test.runs"));
    private final EditionBuilder.Options options = EditionBuilder.Options.defaults(Path.of(System.getProperty("newsbrief.test.output")))
            .withSend(true, Map.of("NEWSBRIEF_SMTP_HOST", System.getenv("NEWSBRIEF_SMTP_HOST"),
                    "NEWSBRIEF_SMTP_PORT", System.getenv("NEWSBRIEF_SMTP_PORT"), "NEWSBRIEF_SMTP_SECURITY", "none"))
            .withWaitForLock(true);
    private final long pid = ProcessHandle.current().pid();

    @Override
    public String run(Path newsletterFile, Instant scheduledAt) throws Exception {
        append("start " + pid + " " + System.currentTimeMillis());
        String summary = new EditionBuilder().run(newsletterFile, options.withAt(Optional.of(scheduledAt)), store).summary();
        append("end " + pid + " " + System.currentTimeMillis());
        return summary;
    }

    private void append(String line) throws IOException {
        Files.writeString(runs, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
