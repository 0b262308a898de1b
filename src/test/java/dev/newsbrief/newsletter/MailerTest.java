package dev.newsbrief.newsletter;

import static dev.newsbrief.newsletter.DeliveryFixtures.EDITION;
import static dev.newsbrief.newsletter.DeliveryFixtures.NEWSLETTER;
import static dev.newsbrief.newsletter.DeliveryFixtures.freePort;
import static dev.newsbrief.newsletter.DeliveryFixtures.newsletter;
import static dev.newsbrief.newsletter.DeliveryFixtures.once;
import static dev.newsbrief.newsletter.DeliveryFixtures.receivedBy;
import static dev.newsbrief.newsletter.DeliveryFixtures.subscribers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.newsbrief.model.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery through a real SMTP server (GreenMail, in-process), or a scripted one where GreenMail cannot misbehave. */
class MailerTest {
    private static final List<Subscriber> THREE = List.of(new Subscriber("ani@example.org", "Անի Հակոբյան"),
            new Subscriber("Boris@Example.ORG", "Борис Петров"), new Subscriber("cemile@example.net", "Cəmilə Əliyeva"));

    @TempDir
    Path state;
    private GreenMail greenMail;
    private FileStore store;
    private final DeliveryFixtures.FakeTime time = new DeliveryFixtures.FakeTime();

    @BeforeEach
    void start() {
        greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
        store = new FileStore(state);
    }

    @AfterEach
    void stop() {
        greenMail.stop();
        store.close();
    }

    private Mailer mailer(int port) {
        return mailer(port, store);
    }

    private Mailer mailer(int port, NewsletterStore on) {
        return new Mailer(new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, "", "", Duration.ofSeconds(10)),
                on, time, time);
    }

    private DeliveryReport deliver(Mailer mailer, List<Subscriber> to, boolean resendInDoubt) {
        return mailer.deliver(newsletter(1000, 3), EDITION, "en", to, DeliveryFixtures::message, resendInDoubt);
    }

    private int greenMailPort() {
        return greenMail.getSmtp().getServerSetup().getPort();
    }

    private Map<String, DeliveryState> recorded() {
        return store.deliveries(NEWSLETTER, 1, "en");
    }

    @Test
    void everySubscriberGetsExactlyOneMessageAddressedOnlyOnTheEnvelope() {
        greenMail.start();
        DeliveryReport report = deliver(mailer(greenMailPort()), THREE, false);

        assertThat(report).isEqualTo(new DeliveryReport("en", 3, 0, List.of(), List.of(), List.of()));
        assertThat(report.complete()).isTrue();
        // The headers name only the list: each copy reached its subscriber through RCPT TO alone.
        assertThat(receivedBy(greenMail)).isEqualTo(once("ani@example.org", "Boris@Example.ORG", "cemile@example.net"));
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
        assertThat(recorded()).containsOnly(Map.entry("ani@example.org", DeliveryState.SENT),
                Map.entry("Boris@Example.ORG", DeliveryState.SENT), Map.entry("cemile@example.net", DeliveryState.SENT));
    }

    @Test
    void aSecondRunSendsNothing() {
        greenMail.start();
        deliver(mailer(greenMailPort()), THREE, false);
        // The same mailbox with its domain in another case is the same subscriber.
        List<Subscriber> again = subscribers("ani@example.org", "Boris@example.org", "cemile@EXAMPLE.net");
        DeliveryReport second = deliver(mailer(greenMailPort()), again, false);

        assertThat(second).isEqualTo(new DeliveryReport("en", 0, 3, List.of(), List.of(), List.of()));
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void anAddressInDoubtIsReportedNotResent() {
        greenMail.start();
        store.record(NEWSLETTER, 1, "en", "Boris@Example.ORG", DeliveryState.IN_DOUBT, "");
        DeliveryReport report = deliver(mailer(greenMailPort()), THREE, false);

        assertThat(report.inDoubt()).containsExactly("Boris@Example.ORG");
        assertThat(report.sent()).isEqualTo(2);
        assertThat(report.complete()).isTrue();
        assertThat(receivedBy(greenMail)).isEqualTo(once("ani@example.org", "cemile@example.net"));
        assertThat(recorded()).containsEntry("Boris@Example.ORG", DeliveryState.IN_DOUBT);
    }

    @Test
    void anAddressInDoubtIsResentWhenAsked() {
        greenMail.start();
        store.record(NEWSLETTER, 1, "en", "Boris@Example.ORG", DeliveryState.IN_DOUBT, "");
        store.record(NEWSLETTER, 1, "en", "ani@example.org", DeliveryState.SENT, "250 OK");
        DeliveryReport report = deliver(mailer(greenMailPort()), THREE, true);

        assertThat(report).isEqualTo(new DeliveryReport("en", 2, 1, List.of(), List.of(), List.of()));
        assertThat(receivedBy(greenMail)).isEqualTo(once("Boris@Example.ORG", "cemile@example.net"));
        assertThat(recorded()).containsEntry("Boris@Example.ORG", DeliveryState.SENT);
    }

    @Test
    void aPermanentFailureIsReportedWithTheReplyAndTheOthersStillGoOut() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            server.rcptReply = (address, asked) -> address.startsWith("Boris")
                    ? "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown" : "250 2.1.5 OK";
            DeliveryReport report = deliver(mailer(server.port()), THREE, false);

            assertThat(report.failed()).containsExactly(
                    "Boris@Example.ORG: 550 5.1.1 <Boris@Example.ORG>: Recipient address rejected: User unknown");
            assertThat(report.sent()).isEqualTo(2);
            assertThat(report.complete()).isTrue();
            assertThat(server.accepted).containsExactly("ani@example.org", "cemile@example.net");
            assertThat(time.backoffs()).isEmpty();
            assertThat(recorded()).containsEntry("Boris@Example.ORG", DeliveryState.FAILED);

            DeliveryReport second = deliver(mailer(server.port()), THREE, false);
            assertThat(second.failed()).containsExactly("Boris@Example.ORG: refused in an earlier run");
            assertThat(server.rcptAsked).containsEntry("Boris@Example.ORG", 1);
        }
    }

    @Test
    void aTemporaryRefusalIsRetriedWithBackoff() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            server.rcptReply = (address, asked) -> address.startsWith("Boris") && asked < 2
                    ? "451 4.7.1 Greylisted, try again later" : "250 2.1.5 OK";
            DeliveryReport report = deliver(mailer(server.port()), THREE, false);

            assertThat(report).isEqualTo(new DeliveryReport("en", 3, 0, List.of(), List.of(), List.of()));
            assertThat(time.backoffs()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(server.accepted).containsExactly("ani@example.org", "Boris@Example.ORG", "cemile@example.net");
        }
    }

    @Test
    void aTemporaryRefusalThatLastsIsDeferredAndTheOthersStillGoOut() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            server.rcptReply = (address, asked) -> address.startsWith("Boris")
                    ? "452 4.2.2 Mailbox full" : "250 2.1.5 OK";
            DeliveryReport report = deliver(mailer(server.port()), THREE, false);

            assertThat(report.deferred()).containsExactly("Boris@Example.ORG: 452 4.2.2 Mailbox full");
            assertThat(report.complete()).isFalse();
            assertThat(time.backoffs()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(server.rcptAsked).containsEntry("Boris@Example.ORG", 4);
            assertThat(server.accepted).containsExactly("ani@example.org", "cemile@example.net");
            assertThat(recorded()).containsEntry("Boris@Example.ORG", DeliveryState.DEFERRED);
        }
    }

    @Test
    void aServerThatComesBackIsRetriedWithBackoff() {
        // Down for the first attempt and the first retry; up when the second wait begins.
        time.onWait(2, greenMail::start);
        DeliveryReport report = deliver(mailer(greenMailPort()), THREE, false);

        assertThat(time.backoffs()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(report).isEqualTo(new DeliveryReport("en", 3, 0, List.of(), List.of(), List.of()));
        assertThat(receivedBy(greenMail)).isEqualTo(once("ani@example.org", "Boris@Example.ORG", "cemile@example.net"));
    }

    @Test
    void aServerThatStaysDownDefersEveryoneAndTheNextRunSends() {
        DeliveryReport report = deliver(mailer(greenMailPort()), THREE, false);

        assertThat(time.backoffs()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(report.sent()).isZero();
        assertThat(report.complete()).isFalse();
        assertThat(report.deferred()).hasSize(3);
        assertThat(report.deferred().getFirst()).startsWith("ani@example.org: cannot connect to 127.0.0.1:" + greenMailPort());
        assertThat(report.deferred().get(1)).startsWith("Boris@Example.ORG: not tried, cannot connect");
        assertThat(recorded()).containsOnly(Map.entry("ani@example.org", DeliveryState.DEFERRED));

        greenMail.start();
        DeliveryReport next = deliver(mailer(greenMailPort()), THREE, false);
        assertThat(next).isEqualTo(new DeliveryReport("en", 3, 0, List.of(), List.of(), List.of()));
        assertThat(receivedBy(greenMail)).isEqualTo(once("ani@example.org", "Boris@Example.ORG", "cemile@example.net"));
    }

    @Test
    void aConnectionLostAfterTheWholeMessageLeavesItInDoubtAndIsNotRetried() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            server.hangUpAfterData = address -> address.startsWith("Boris");
            DeliveryReport report = deliver(mailer(server.port()), THREE, false);

            assertThat(report.inDoubt()).containsExactly("Boris@Example.ORG");
            assertThat(report.sent()).isEqualTo(2);
            assertThat(server.dataEnded).containsEntry("Boris@Example.ORG", 1);
            assertThat(server.accepted).containsExactly("ani@example.org", "cemile@example.net");
            assertThat(time.backoffs()).isEmpty();
            assertThat(recorded()).containsEntry("Boris@Example.ORG", DeliveryState.IN_DOUBT);
        }
    }

    @Test
    void aRefusedSenderMarksNobodyFailed() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            server.mailReply = from -> "553 5.7.1 <" + from + ">: Sender address rejected: not owned by user";
            DeliveryReport report = deliver(mailer(server.port()), THREE, false);

            assertThat(report.failed()).isEmpty();
            assertThat(report.deferred()).hasSize(3).allMatch(line -> line.contains("the server refused the sender: 553 5.7.1"));
            assertThat(server.rcptAsked).isEmpty();
            assertThat(recorded()).doesNotContainValue(DeliveryState.FAILED);
        }
    }

    @Test
    void messagesAreSpacedByTheRate() {
        greenMail.start();
        DeliveryFixtures.RecordingStore recording = new DeliveryFixtures.RecordingStore(store, time);
        List<Subscriber> six = subscribers("a@example.org", "b@example.org", "c@example.org", "d@example.org",
                "e@example.org", "f@example.org");
        DeliveryReport report = mailer(greenMailPort(), recording)
                .deliver(newsletter(4, 3), EDITION, "en", six, DeliveryFixtures::message, false);

        assertThat(report.sent()).isEqualTo(6);
        List<Instant> handOvers = recording.handOvers();
        assertThat(handOvers).hasSize(6);
        for (int i = 1; i < handOvers.size(); i++) {
            assertThat(Duration.between(handOvers.get(i - 1), handOvers.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
        // N messages at 4 per second take at least (N - 1) / 4 seconds.
        assertThat(time.waits.stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThanOrEqualTo(Duration.ofMillis(1250));
    }

    @Test
    void aRefusedLoginIsAnInputErrorNamingTheVariables() {
        greenMail.getUserManager().setAuthRequired(true);
        greenMail.setUser("sender@example.org", "sender", "right");
        greenMail.start();
        Mailer mailer = new Mailer(new SmtpSettings("127.0.0.1", greenMailPort(), SmtpSettings.Security.NONE, "sender",
                "wrong", Duration.ofSeconds(10)), store, time, time);

        assertThatThrownBy(() -> deliver(mailer, THREE, false)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("environment: NEWSBRIEF_SMTP_USER: the SMTP server refused the login")
                .hasMessageContaining("NEWSBRIEF_SMTP_PASSWORD").hasMessageNotContaining("wrong");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void backoffDoublesUpToACap() {
        assertThat(Mailer.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Mailer.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Mailer.backoff(6)).isEqualTo(Mailer.MAX_BACKOFF);
        assertThat(Mailer.backoff(40)).isEqualTo(Mailer.MAX_BACKOFF);
    }
}
