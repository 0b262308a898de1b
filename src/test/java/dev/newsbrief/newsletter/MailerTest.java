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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.newsbrief.model.InvalidInputException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
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
            // The record says why: the reply that never came.
            assertThat(lastRecord("Boris@Example.ORG").get("detail").asText()).isNotBlank();
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
            // The one address tried stays to be sent by the next run, not in doubt.
            assertThat(recorded()).containsOnly(Map.entry("ani@example.org", DeliveryState.DEFERRED));
        }
    }

    /** 500 is already permanent: a refused sender stops the run, a refused recipient fails at once. */
    @Test
    void aReplyOf500IsPermanent() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            server.mailReply = from -> "500 5.5.2 Syntax error";
            DeliveryReport report = deliver(mailer(server.port()), THREE, false);
            assertThat(report.failed()).isEmpty();
            assertThat(report.deferred()).hasSize(3).allMatch(line -> line.contains("the server refused the sender: 500"));
        }
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            server.rcptReply = (address, asked) -> address.startsWith("Boris") ? "500 5.5.2 Syntax error" : "250 2.1.5 OK";
            DeliveryReport report = deliver(mailer(server.port()), THREE, false);
            assertThat(report.failed()).containsExactly("Boris@Example.ORG: 500 5.5.2 Syntax error");
            assertThat(time.backoffs()).isEmpty();
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

    @Test
    void oneConnectionCarriesTheRunAndIsClosedWithQuit() throws Exception {
        greenMail.start();
        try (RecordingProxy proxy = new RecordingProxy(greenMailPort())) {
            DeliveryReport report = deliver(mailer(proxy.port()), THREE, false);

            assertThat(report.sent()).isEqualTo(3);
            assertThat(proxy.connections()).hasSize(1);
            List<String> commands = proxy.connections().getFirst();
            assertThat(commands).filteredOn(line -> line.startsWith("MAIL FROM")).hasSize(3);
            // Checked before each later message, and quit at the end.
            assertThat(commands).filteredOn("NOOP"::equals).hasSize(2);
            assertThat(commands.getLast()).isEqualTo("QUIT");
        }
    }

    @Test
    void aSubscriberListedTwiceGetsOneMessage() {
        greenMail.start();
        List<Subscriber> twice = subscribers("ani@example.org", "cemile@example.net", "ani@EXAMPLE.org");
        DeliveryReport report = deliver(mailer(greenMailPort()), twice, false);

        assertThat(report).isEqualTo(new DeliveryReport("en", 2, 0, List.of(), List.of(), List.of()));
        assertThat(receivedBy(greenMail)).isEqualTo(once("ani@example.org", "cemile@example.net"));
    }

    /** Of two records for one mailbox (its domain written in two cases), the one that rules out sending wins. */
    @Test
    void theStrongerOfTwoRecordsForOneMailboxCounts() {
        greenMail.start();
        store.record(NEWSLETTER, 1, "en", "Boris@Example.ORG", DeliveryState.SENT, "250 OK");
        store.record(NEWSLETTER, 1, "en", "Boris@example.org", DeliveryState.DEFERRED, "451 later");
        store.record(NEWSLETTER, 1, "en", "cemile@EXAMPLE.NET", DeliveryState.DEFERRED, "451 later");
        store.record(NEWSLETTER, 1, "en", "cemile@example.net", DeliveryState.FAILED, "550 no");
        DeliveryReport report = deliver(mailer(greenMailPort()), THREE, false);

        assertThat(report).isEqualTo(new DeliveryReport("en", 1, 1, List.of("cemile@example.net: refused in an earlier run"),
                List.of(), List.of()));
        assertThat(receivedBy(greenMail)).isEqualTo(once("ani@example.org"));
    }

    @Test
    void anAddressThatDoesNotParseFailsAndIsNotTriedAgain() {
        greenMail.start();
        List<Subscriber> list = subscribers("ani at example.org", "cemile@example.net");
        DeliveryReport report = deliver(mailer(greenMailPort()), list, false);

        assertThat(report.failed()).containsExactly("ani at example.org: not an address");
        assertThat(report.sent()).isEqualTo(1);
        assertThat(recorded()).containsEntry("ani at example.org", DeliveryState.FAILED);
        assertThat(lastRecord("ani at example.org").get("detail").asText()).startsWith("not an address: ");
    }

    /** TLS from the first byte, or nothing: a server that answers in clear text gets no message. */
    @Test
    void smtpsNeverFallsBackToClearText() throws Exception {
        try (FakeSmtpServer server = new FakeSmtpServer()) {
            Mailer mailer = new Mailer(new SmtpSettings("127.0.0.1", server.port(), SmtpSettings.Security.SMTPS, "", "",
                    Duration.ofSeconds(10)), store, time, time);
            DeliveryReport report = deliver(mailer, THREE, false);

            assertThat(report.sent()).isZero();
            assertThat(report.deferred()).hasSize(3);
            assertThat(server.rcptAsked).isEmpty();
            assertThat(server.accepted).isEmpty();
        }
    }

    @Test
    void anEditionOfAnotherNewsletterIsRefused() {
        Edition evening = new Edition("evening", 1, Instant.parse("2025-08-08T03:00:00Z"), List.of("story-a"), false);
        assertThatThrownBy(() -> mailer(greenMailPort()).deliver(newsletter(1000, 3), evening, "en", THREE,
                DeliveryFixtures::message, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to 'evening', not to 'morning'");
    }

    @Test
    void anInterruptWhilePacingStopsTheRunAndStaysSet() {
        greenMail.start();
        Mailer mailer = new Mailer(new SmtpSettings("127.0.0.1", greenMailPort(), SmtpSettings.Security.NONE, "", "",
                Duration.ofSeconds(10)), store, time, wait -> {
                    throw new InterruptedException();
                });
        DeliveryReport report;
        boolean interrupted;
        try {
            report = mailer.deliver(newsletter(4, 3), EDITION, "en", THREE, DeliveryFixtures::message, false);
        } finally {
            interrupted = Thread.interrupted();
        }

        assertThat(interrupted).isTrue();
        assertThat(report.sent()).isEqualTo(1);
        assertThat(report.deferred()).containsExactly("Boris@Example.ORG: interrupted",
                "cemile@example.net: not tried, interrupted");
        assertThat(receivedBy(greenMail)).isEqualTo(once("ani@example.org"));
    }

    @Test
    void anInterruptDuringTheBackoffStopsTheRun() {
        Mailer mailer = new Mailer(new SmtpSettings("127.0.0.1", greenMailPort(), SmtpSettings.Security.NONE, "", "",
                Duration.ofSeconds(10)), store, time, wait -> {
                    throw new InterruptedException();
                });
        DeliveryReport report;
        boolean interrupted;
        try {
            report = deliver(mailer, THREE, false);
        } finally {
            interrupted = Thread.interrupted();
        }

        assertThat(interrupted).isTrue();
        assertThat(report.deferred()).containsExactly("ani@example.org: interrupted",
                "Boris@Example.ORG: not tried, interrupted", "cemile@example.net: not tried, interrupted");
        assertThat(recorded()).containsOnly(Map.entry("ani@example.org", DeliveryState.DEFERRED));
    }

    @Test
    void theDetailIsTheServersReplyOrTheErrorWithItsCause() {
        SMTPAddressFailedException refused = new SMTPAddressFailedException(address("lee@example.com"), "RCPT TO:<lee@example.com>",
                550, "550 5.1.1 User unknown\n");
        SendFailedException invalid = new SendFailedException("Invalid Addresses", refused);
        assertThat(Mailer.detail(invalid)).isEqualTo("550 5.1.1 User unknown");
        assertThat(Mailer.replyCode(invalid)).isEqualTo(550);

        SMTPSendFailedException sender = new SMTPSendFailedException("MAIL FROM:<a@example.org>", 553,
                "553 5.7.1 Sender rejected", null, null, null, null);
        assertThat(Mailer.detail(sender)).isEqualTo("553 5.7.1 Sender rejected");
        assertThat(Mailer.detail(new SMTPSendFailedException("DATA", 554, null, null, null, null, null))).isEmpty();

        assertThat(Mailer.detail(new MessagingException("Couldn't connect to host",
                new ConnectException("Connection refused")))).isEqualTo("Couldn't connect to host: java.net.ConnectException: Connection refused");
        assertThat(Mailer.detail(new MessagingException("  Exception reading response\r\n  at the end \n"))).isEqualTo(
                "Exception reading response at the end");
        assertThat(Mailer.replyCode(new MessagingException("no reply"))).isZero();
    }

    @Test
    void aDetailIsCutAt500Characters() {
        assertThat(Mailer.detail(new MessagingException("x".repeat(500)))).isEqualTo("x".repeat(500));
        assertThat(Mailer.detail(new MessagingException("x".repeat(501)))).isEqualTo("x".repeat(500) + "…");
    }

    /** An entry of the chain without a reply code does not hide the code of the one behind it. */
    @Test
    void theReplyCodeIsTheFirstRealOneInTheChain() {
        SMTPAddressFailedException noCode = new SMTPAddressFailedException(address("a@example.org"), "RCPT", 0, "");
        noCode.setNextException(new SMTPAddressFailedException(address("a@example.org"), "RCPT", 550, "550 no"));
        assertThat(Mailer.replyCode(noCode)).isEqualTo(550);

        SMTPSendFailedException noSendCode = new SMTPSendFailedException("MAIL", 0, "",
                new SMTPSendFailedException("MAIL", 553, "553 no", null, null, null, null), null, null, null);
        assertThat(Mailer.replyCode(noSendCode)).isEqualTo(553);
    }

    private static InternetAddress address(String text) {
        try {
            return new InternetAddress(text);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last line the deliveries log holds for {@code address}. */
    private JsonNode lastRecord(String address) {
        try {
            JsonNode last = null;
            for (String line : Files.readAllLines(store.deliveriesLog(NEWSLETTER, 1), StandardCharsets.UTF_8)) {
                JsonNode node = new ObjectMapper().readTree(line);
                if (node.get("address").asText().equals(address)) {
                    last = node;
                }
            }
            assertThat(last).as("a record for " + address).isNotNull();
            return last;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A TCP relay in front of a real server that keeps, per connection, the lines the client
     * sent: how many connections a run opened, and whether it ended them with QUIT.
     */
    private static final class RecordingProxy implements AutoCloseable {
        private final ServerSocket server;
        private final int target;
        private final List<ByteArrayOutputStream> sent = Collections.synchronizedList(new ArrayList<>());
        private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

        RecordingProxy(int target) throws IOException {
            this.target = target;
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "recording-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        List<List<String>> connections() {
            synchronized (sent) {
                return sent.stream().map(bytes -> Arrays.asList(bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n")))
                        .toList();
            }
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(client);
                    sockets.add(upstream);
                    ByteArrayOutputStream record = new ByteArrayOutputStream();
                    sent.add(record);
                    pump(client.getInputStream(), upstream.getOutputStream(), record);
                    pump(upstream.getInputStream(), client.getOutputStream(), new ByteArrayOutputStream());
                } catch (IOException e) {
                    // closed
                }
            }
        }

        /** Copies {@code in} to {@code out}, keeping a copy; what it copies is recorded before it is passed on. */
        private static void pump(InputStream in, OutputStream out, ByteArrayOutputStream record) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (in; out) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        record.write(buffer, 0, n);
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // one side went away
                }
            }, "recording-proxy-pump");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (sockets) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
