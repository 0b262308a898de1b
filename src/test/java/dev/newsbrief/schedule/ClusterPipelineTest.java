package dev.newsbrief.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.newsbrief.newsletter.DeliveryState;
import dev.newsbrief.newsletter.Edition;
import dev.newsbrief.newsletter.JdbcStore;
import dev.newsbrief.newsletter.JdbcStoreTest.TestSchema;
import dev.newsbrief.testing.Smtp;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline clustered: three {@code newsbrief schedule --store} nodes on one PostgreSQL
 * schema build the repository's stories into one output and send them through a real SMTP
 * server (GreenMail). The node that is sending is frozen between two subscribers and killed;
 * another recovers its edition. Every edition is built and sealed, and GreenMail receives
 * exactly one message per subscriber per edition.
 */
class ClusterPipelineTest {
    private static final int SUBSCRIBERS = 8;
    private static final Pattern EDITION = Pattern.compile("<edition-(\\d+)\\.en\\.[0-9a-f]+@pipeline\\.briefs\\.example\\.org>");

    @Test
    void aNodeKilledWhileSendingIsRecoveredAndEachSubscriberGetsEachEditionOnce(@TempDir Path tmp) throws Exception {
        Path newsletter = newsletter(tmp);
        Path runs = tmp.resolve("runs.txt");
        GreenMail smtp = Smtp.start();
        List<ChildJvm> nodes = new ArrayList<>();
        try (TestSchema schema = TestSchema.create()) {
            List<String> properties = List.of("-Dnewsbrief.test.store=" + schema.url(), "-Dnewsbrief.test.runs=" + runs,
                    "-Dnewsbrief.test.output=" + tmp.resolve("out"));
            Map<String, String> environment = Map.of("NEWSBRIEF_DB_USER", schema.user(), "NEWSBRIEF_DB_PASSWORD", schema.password(),
                    "NEWSBRIEF_SMTP_HOST", "127.0.0.1", "NEWSBRIEF_SMTP_PORT", Smtp.environment(smtp).get("NEWSBRIEF_SMTP_PORT"));
            for (int i = 0; i < 3; i++) {
                nodes.add(ChildJvm.start(properties, environment,
                        List.of(schema.url(), PipelineRunner.class.getName(), "1000", newsletter.toString())));
            }
            try (JdbcStore store = JdbcStore.open(schema.url(), schema.user(), schema.password())) {
                // A node that is sending, once two subscribers have their copy of its edition.
                Poll.until(Duration.ofSeconds(90), () -> sending(runs, store, schema).isPresent(), () -> "a node sending; " + nodes);
                long victimPid = sending(runs, store, schema).orElseThrow();
                ChildJvm victim = nodes.stream().filter(node -> node.pid() == victimPid).findFirst().orElseThrow();
                freezeBetweenTwoSubscribers(victim, schema);
                victim.process.destroyForcibly();
                assertThat(victim.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                List<ChildJvm> survivors = nodes.stream().filter(node -> node != victim).toList();

                Poll.until(Duration.ofSeconds(120), () -> store.editions("pipeline").size() == 3
                        && store.editions("pipeline").stream().allMatch(Edition::sealed), () -> "three editions sealed; " + survivors);
                for (ChildJvm node : survivors) {
                    node.process.toHandle().destroy();
                }
                for (ChildJvm node : survivors) {
                    assertThat(node.process.waitFor(60, TimeUnit.SECONDS)).as("%s", node).isTrue();
                    assertThat(node.process.exitValue()).as("%s", node).isZero();
                }
                assertThat(survivors).as("another node recovered the killed run").anyMatch(node -> node.said("recovering newsletter=pipeline "));

                List<Edition> editions = store.editions("pipeline");
                assertThat(editions).extracting(Edition::number).containsExactly(1, 2, 3);
                assertThat(editions).flatExtracting(Edition::stories).containsExactly("armenia-azerbaijan-peace-2025",
                        "india-uk-trade-agreement-2025", "israel-lebanon-ceasefire-2024");
                for (Edition edition : editions) {
                    assertThat(store.deliveries("pipeline", edition.number(), "en").values()).as("edition %d", edition.number())
                            .hasSize(SUBSCRIBERS).containsOnly(DeliveryState.SENT);
                    assertThat(tmp.resolve("out/newsletters/pipeline/en/" + edition.number() + ".eml")).isRegularFile();
                }
            } finally {
                nodes.forEach(node -> node.process.destroyForcibly());
                for (ChildJvm node : nodes) {
                    node.process.waitFor(30, TimeUnit.SECONDS);
                }
            }
            // What the SMTP server received: one copy per subscriber per edition, nothing more.
            Map<String, Integer> copies = new TreeMap<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                Matcher id = EDITION.matcher(message.getMessageID());
                assertThat(id.matches()).as(message.getMessageID()).isTrue();
                String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
                copies.merge(id.group(1) + " " + to, 1, Integer::sum);
            }
            assertThat(copies).hasSize(3 * SUBSCRIBERS);
            assertThat(copies).allSatisfy((editionAndAddress, count) -> assertThat(count).as(editionAndAddress).isEqualTo(1));
        } finally {
            smtp.stop();
        }
    }

    /** The sample newsletter in English only, one story an edition, due every five seconds, sending two messages a second. */
    private static Path newsletter(Path tmp) throws IOException {
        String sample = Files.readString(Path.of("newsletters/morning.yaml"))
                .replace("morning.briefs.example.org", "pipeline.briefs.example.org")
                .replace("../src/main/resources/stories", Path.of("src/main/resources/stories").toAbsolutePath().toString())
                .replace("\"0 0 6 * * ?\"", "\"0/5 * * * * ?\"")
                .replace("max: 3 ", "max: 1 ")
                .replace("rate: 10 ", "rate: 2 ");
        sample = sample.substring(0, sample.indexOf("  hy:")) + sample.substring(sample.indexOf("  en:"));
        StringBuilder csv = new StringBuilder("email\n");
        IntStream.rangeClosed(1, SUBSCRIBERS).forEach(i -> csv.append("reader").append(i).append("@example.org\n"));
        Files.createDirectories(tmp.resolve("subscribers"));
        Files.writeString(tmp.resolve("subscribers/morning-en.csv"), csv);
        return Files.writeString(tmp.resolve("pipeline.yaml"), sample);
    }

    /** The pid of a node that started a run and has not ended it, while its open edition has two or more SENT. */
    private static Optional<Long> sending(Path runs, JdbcStore store, TestSchema schema) {
        List<String> lines;
        try {
            lines = Files.exists(runs) ? Files.readAllLines(runs) : List.of();
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<Long, Integer> open = new TreeMap<>();
        for (String line : lines) {
            String[] field = line.split(" ");
            open.merge(Long.parseLong(field[1]), field[0].equals("start") ? 1 : -1, Integer::sum);
        }
        Optional<Long> running = open.entrySet().stream().filter(entry -> entry.getValue() > 0).map(Map.Entry::getKey).findFirst();
        Optional<Edition> edition = store.editions("pipeline").stream().filter(e -> !e.sealed()).findFirst();
        if (running.isEmpty() || edition.isEmpty() || count(schema, edition.get().number(), "SENT") < 2) {
            return Optional.empty();
        }
        return running;
    }

    private static void freezeBetweenTwoSubscribers(ChildJvm victim, TestSchema schema) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            victim.signal("STOP");
            Poll.pause(Duration.ofMillis(200));
            if (count(schema, -1, "IN_DOUBT") == 0) {
                return;
            }
            victim.signal("CONT");
            Poll.pause(Duration.ofMillis(50));
        }
        throw new AssertionError("never caught the node between two subscribers");
    }

    /** Deliveries in {@code state}, of one edition ({@code -1}: of all). */
    private static int count(TestSchema schema, int edition, String state) {
        try (Connection connection = schema.connect();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM newsbrief_delivery WHERE newsletter = 'pipeline'"
                     + " AND (number = ? OR ? = -1) AND state = ?")) {
            query.setInt(1, edition);
            query.setInt(2, edition);
            query.setString(3, state);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }
}
