package dev.newsbrief.newsletter;

import static dev.newsbrief.newsletter.DeliveryFixtures.await;
import static dev.newsbrief.newsletter.DeliveryFixtures.lastStates;
import static dev.newsbrief.newsletter.DeliveryFixtures.receivedBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.newsbrief.Fixtures;
import dev.newsbrief.limit.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sending process killed half-way and run again: GreenMail (in this JVM) receives exactly
 * one message per subscriber. The killer freezes the child (SIGSTOP) and kills it (SIGKILL)
 * only when no message is in flight; the crash inside that window is the halting test.
 */
class DeliveryKillTest {
    private static final Path LIST = Fixtures.fixture("newsletter/delivery/subscribers-20.csv");

    @TempDir
    Path state;
    private GreenMail greenMail;
    private List<String> everyone;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(new ServerSetup(DeliveryFixtures.freePort(), "127.0.0.1", "smtp"));
        greenMail.start();
        everyone = Subscribers.load(LIST, Limits.DEFAULT).stream().map(Subscriber::address).toList();
        assertThat(everyone).hasSize(20);
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private Path log() {
        return state.resolve(DeliveryFixtures.NEWSLETTER).resolve("deliveries").resolve("1.log");
    }

    @Test
    void killedBetweenMessagesAndRunAgainEveryoneGetsOneCopy() throws Exception {
        Process child = start(5, 0, false);
        await("5 messages", Duration.ofSeconds(60), () -> greenMail.getReceivedMessages().length >= 5 || !child.isAlive());
        assertThat(child.isAlive()).as("the child is still sending").isTrue();

        killBetweenMessages(child);
        int beforeRerun = greenMail.getReceivedMessages().length;
        assertThat(beforeRerun).as("killed half-way").isBetween(5, 19);
        assertThat(lastStates(log()).values()).doesNotContain("IN_DOUBT");

        String output = run(start(5, 0, false));
        assertThat(output).contains("sent=" + (20 - beforeRerun) + " alreadySent=" + beforeRerun + " inDoubt=[]")
                .contains("complete=true");
        assertThat(receivedBy(greenMail)).isEqualTo(everyoneOnce());
        assertThat(greenMail.getReceivedMessages()).hasSize(20);
        try (FileStore store = new FileStore(state)) {
            assertThat(store.editions(DeliveryFixtures.NEWSLETTER).getFirst().sealed()).isTrue();
        }
    }

    @Test
    void haltedAfterTheServerAcceptedReportsInDoubtAndResendsOnlyWhenAsked() throws Exception {
        Process halted = start(1000, 3, false);
        String haltOutput = run(halted);
        assertThat(halted.exitValue()).isEqualTo(9);
        String third = everyone.get(2);
        assertThat(haltOutput).contains("HALT " + third);
        assertThat(receivedBy(greenMail)).containsOnlyKeys(everyone.subList(0, 3)).containsEntry(third, 1);
        assertThat(lastStates(log())).containsEntry(third, "IN_DOUBT");

        String rerun = run(start(1000, 0, false));
        assertThat(rerun).contains("sent=17 alreadySent=2 inDoubt=[" + third + "]").contains("complete=true");
        assertThat(receivedBy(greenMail)).isEqualTo(everyoneOnce());

        String resent = run(start(1000, 0, true));
        assertThat(resent).contains("sent=1 alreadySent=19 inDoubt=[]");
        Map<String, Integer> expected = everyoneOnce();
        expected.put(third, 2);
        assertThat(receivedBy(greenMail)).isEqualTo(expected);
        assertThat(lastStates(log())).containsEntry(third, "SENT");
    }

    private Map<String, Integer> everyoneOnce() {
        return DeliveryFixtures.once(everyone.toArray(String[]::new));
    }

    /** SIGSTOP; if a message is in flight (last record IN_DOUBT), SIGCONT and try again a moment later; else SIGKILL. */
    private void killBetweenMessages(Process child) throws Exception {
        for (int tries = 0; tries < 200; tries++) {
            signal(child, "STOP");
            if (!lastStates(log()).containsValue("IN_DOUBT")) {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                return;
            }
            signal(child, "CONT");
            Thread.sleep(37);
        }
        throw new AssertionError("never caught the child between two messages");
    }

    private static void signal(Process child, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s", signal).isTrue();
    }

    private Process start(double rate, int haltAtSent, boolean resendInDoubt) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                KillableDelivery.class.getName(), state.toString(),
                Integer.toString(greenMail.getSmtp().getServerSetup().getPort()), LIST.toString(), Double.toString(rate),
                Integer.toString(haltAtSent), Boolean.toString(resendInDoubt)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Waits for the child to end; its output. */
    private static String run(Process child) throws Exception {
        String output;
        try (var reader = child.inputReader(StandardCharsets.UTF_8)) {
            output = reader.lines().collect(Collectors.joining("\n"));
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child ended").isTrue();
        return output;
    }
}
