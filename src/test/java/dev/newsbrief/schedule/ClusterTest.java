package dev.newsbrief.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.newsletter.DeliveryState;
import dev.newsbrief.newsletter.Edition;
import dev.newsbrief.newsletter.JdbcStore;
import dev.newsbrief.newsletter.JdbcStoreTest.TestSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three scheduler JVMs on one PostgreSQL schema, a newsletter due every five seconds. The node
 * that is building is frozen between two subscribers (SIGSTOP) and killed (SIGKILL): another
 * node recovers the run, every edition is completed, each subscriber gets exactly one message
 * per edition, and no two nodes build at once.
 */
class ClusterTest {
    private static final Path NEWSLETTER = Fixtures.fixture("newsletter/schedule/cluster.yaml");
    private static final int ADDRESSES = 10;

    /** One build as the runs file tells it; {@code end} is null for the killed one. */
    record Build(int edition, long pid, long start, Long end) { }

    @Test
    void aNodeKilledMidEditionIsRecoveredAndEverySubscriberGetsOneCopy(@TempDir Path tmp) throws Exception {
        Path sent = tmp.resolve("sent.txt");
        Path runs = tmp.resolve("runs.txt");
        List<ChildJvm> nodes = new ArrayList<>();
        try (TestSchema schema = TestSchema.create()) {
            List<String> properties = List.of("-Dnewsbrief.test.store=" + schema.url(), "-Dnewsbrief.test.sent=" + sent,
                    "-Dnewsbrief.test.runs=" + runs, "-Dnewsbrief.test.addresses=" + ADDRESSES, "-Dnewsbrief.test.perAddressMillis=300");
            Map<String, String> environment = Map.of("NEWSBRIEF_DB_USER", schema.user(), "NEWSBRIEF_DB_PASSWORD", schema.password());
            for (int i = 0; i < 3; i++) {
                nodes.add(ChildJvm.start(properties, environment,
                        List.of(schema.url(), DeliveringRunner.class.getName(), "1000", NEWSLETTER.toString())));
            }
            try {
                // The node that is building, once two subscribers have their copy.
                Poll.until(Duration.ofSeconds(60), () -> building(runs).filter(b -> sentCount(schema, b.edition()) >= 2).isPresent(),
                        () -> "a build under way; " + nodes);
                Build victimBuild = building(runs).orElseThrow();
                ChildJvm victim = nodes.stream().filter(node -> node.pid() == victimBuild.pid()).findFirst().orElseThrow();
                freezeBetweenTwoSubscribers(victim, schema, victimBuild.edition());
                victim.process.destroyForcibly(); // SIGKILL
                assertThat(victim.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                long killedAt = System.currentTimeMillis();
                List<ChildJvm> survivors = nodes.stream().filter(node -> node != victim).toList();

                try (JdbcStore store = JdbcStore.open(schema.url(), schema.user(), schema.password())) {
                    Poll.until(Duration.ofSeconds(60), () -> sealed(store, victimBuild.edition() + 1),
                            () -> "edition " + victimBuild.edition() + " recovered and one more built; " + survivors);
                    for (ChildJvm node : survivors) {
                        node.process.toHandle().destroy(); // SIGTERM: the running build finishes
                    }
                    for (ChildJvm node : survivors) {
                        assertThat(node.process.waitFor(60, TimeUnit.SECONDS)).as("%s", node).isTrue();
                        assertThat(node.process.exitValue()).as("%s", node).isZero();
                    }
                    assertThat(survivors).as("another node recovered the killed run").anyMatch(node -> node.said("recovering newsletter=cluster "));

                    List<Edition> editions = store.editions("cluster");
                    assertThat(editions).extracting(Edition::number).containsExactlyElementsOf(IntStream.rangeClosed(1, editions.size()).boxed().toList());
                    assertThat(editions).as("every edition completed").allMatch(Edition::sealed);
                    Map<String, DeliveryState> allSent = IntStream.rangeClosed(1, ADDRESSES).mapToObj(DeliveringRunner::address)
                            .collect(Collectors.toMap(Function.identity(), address -> DeliveryState.SENT));
                    for (Edition edition : editions) {
                        assertThat(store.deliveries("cluster", edition.number(), "en")).as("edition %d", edition.number()).isEqualTo(allSent);
                    }
                    assertExactlyOneCopyEach(sent, editions.size());
                    assertNoTwoBuildsAtOnce(runs, victimBuild, killedAt);
                }
            } finally {
                nodes.forEach(node -> node.process.destroyForcibly());
                for (ChildJvm node : nodes) {
                    node.process.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * SIGSTOP, then look: a subscriber IN_DOUBT means it stopped mid-send; let it go on a
     * moment and try again, so the kill falls between two subscribers.
     */
    private static void freezeBetweenTwoSubscribers(ChildJvm victim, TestSchema schema, int edition) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            victim.signal("STOP");
            Poll.pause(Duration.ofMillis(200)); // a statement it sent just before finishes on the server
            if (count(schema, edition, "IN_DOUBT") == 0) {
                return;
            }
            victim.signal("CONT");
            Poll.pause(Duration.ofMillis(50));
        }
        throw new AssertionError("never caught the node between two subscribers");
    }

    private static void assertExactlyOneCopyEach(Path sent, int editions) throws IOException {
        Map<String, Long> copies = Files.readAllLines(sent).stream().map(line -> line.split(" "))
                .collect(Collectors.groupingBy(field -> field[1] + " " + field[2], Collectors.counting()));
        assertThat(copies).hasSize(editions * ADDRESSES);
        assertThat(copies).allSatisfy((editionAndAddress, count) -> assertThat(count).as(editionAndAddress).isEqualTo(1));
    }

    private static void assertNoTwoBuildsAtOnce(Path runs, Build killed, long killedAt) throws IOException {
        List<Build> builds = new ArrayList<>(builds(runs).stream()
                .map(build -> build.end() == null && build.pid() == killed.pid() ? new Build(build.edition(), build.pid(), build.start(), killedAt) : build)
                .toList());
        builds.sort(Comparator.comparingLong(Build::start));
        assertThat(builds).as("all builds ended (the killed one when it was killed)").allMatch(build -> build.end() != null);
        for (int i = 1; i < builds.size(); i++) {
            assertThat(builds.get(i).start()).as("build %s starts after %s ended", builds.get(i), builds.get(i - 1))
                    .isGreaterThanOrEqualTo(builds.get(i - 1).end());
        }
        assertThat(builds).as("the killed edition was finished by another node")
                .anyMatch(build -> build.edition() == killed.edition() && build.pid() != killed.pid());
    }

    /** The builds the runs file tells of, in order. */
    private static List<Build> builds(Path runs) {
        List<Build> builds = new ArrayList<>();
        try {
            if (!Files.exists(runs)) {
                return builds;
            }
            for (String line : Files.readAllLines(runs)) {
                String[] field = line.split(" ");
                int edition = Integer.parseInt(field[1]);
                long pid = Long.parseLong(field[2]);
                long at = Long.parseLong(field[3]);
                if (field[0].equals("start")) {
                    builds.add(new Build(edition, pid, at, null));
                } else {
                    for (int i = builds.size() - 1; i >= 0; i--) {
                        Build build = builds.get(i);
                        if (build.edition() == edition && build.pid() == pid && build.end() == null) {
                            builds.set(i, new Build(edition, pid, build.start(), at));
                            break;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return builds;
    }

    private static Optional<Build> building(Path runs) {
        return builds(runs).stream().filter(build -> build.end() == null).reduce((first, second) -> second);
    }

    private static boolean sealed(JdbcStore store, int edition) {
        return store.editions("cluster").stream().anyMatch(e -> e.number() == edition && e.sealed());
    }

    private static int sentCount(TestSchema schema, int edition) {
        return count(schema, edition, "SENT");
    }

    private static int count(TestSchema schema, int edition, String state) {
        try (Connection connection = schema.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM newsbrief_delivery WHERE newsletter = 'cluster' AND number = ? AND state = ?")) {
            query.setInt(1, edition);
            query.setString(2, state);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            return 0; // the tables may not exist yet
        }
    }
}
