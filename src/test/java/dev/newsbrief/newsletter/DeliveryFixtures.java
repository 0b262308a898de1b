package dev.newsbrief.newsletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/** Shared pieces of the delivery tests: a newsletter, an edition, messages, fake time, and what a server received. */
final class DeliveryFixtures {
    static final String NEWSLETTER = "morning";
    static final String SENDER = "morning@briefs.example.org";
    static final Edition EDITION = new Edition(NEWSLETTER, 1, Instant.parse("2025-08-08T03:00:00Z"), List.of("story-a"), false);

    private DeliveryFixtures() { }

    static Newsletter newsletter(double rate, int retries) {
        Newsletter.Language en = new Newsletter.Language("en", "The Morning Brief",
                new Newsletter.Sender("The Morning Brief", SENDER), ZoneId.of("America/New_York"), null);
        return new Newsletter(NEWSLETTER, Path.of("newsletters/morning.yaml"), "morning.briefs.example.org",
                URI.create("https://briefs.example.org/"), "https://briefs.example.org/unsubscribe?address={address}",
                new Newsletter.Stories(Path.of("stories"), 3), null, new Newsletter.Delivery(rate, retries), Map.of("en", en));
    }

    /**
     * A message whose headers name the list, not the subscriber, so only the envelope can bring
     * it to the subscriber; its body names the subscriber, so a test can tell whose it is.
     */
    static MimeMessage message(Subscriber subscriber) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<1.en." + subscriber.address() + "@morning.briefs.example.org>");
                }
            };
            message.setFrom(new InternetAddress(SENDER, "The Morning Brief", "UTF-8"));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(SENDER));
            message.setSubject("The Morning Brief, edition 1", "UTF-8");
            message.setText("For " + subscriber.address() + "\n", "UTF-8");
            message.saveChanges();
            return message;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Subscriber> subscribers(String... addresses) {
        return java.util.Arrays.stream(addresses).map(a -> new Subscriber(a, "")).toList();
    }

    /** Messages per envelope recipient (GreenMail files each message in its recipient's inbox), checking each body names its recipient. */
    static Map<String, Integer> receivedBy(GreenMail greenMail) {
        Map<String, Integer> counts = new TreeMap<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            List<MimeMessage> inbox = greenMail.findReceivedMessages(u -> u == user, m -> true).toList();
            for (MimeMessage message : inbox) {
                String body = body(message);
                if (!body.contains(user.getEmail())) {
                    throw new AssertionError("the message in " + user.getEmail() + "'s inbox was for someone else: " + body);
                }
            }
            if (!inbox.isEmpty()) {
                counts.put(user.getEmail(), inbox.size());
            }
        }
        return counts;
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Integer> once(String... addresses) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String address : addresses) {
            counts.put(address, 1);
        }
        return counts;
    }

    static int freePort() {
        return dev.newsbrief.testing.Smtp.freePort();
    }

    /** Polls {@code condition} every 20 ms; fails after {@code timeout} (only there to stop a hang). */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * The last state per address in a deliveries log, read without the store's lock (its writer
     * may be frozen holding it); a torn last line is ignored, as the store does.
     */
    static Map<String, String> lastStates(Path log) {
        Map<String, String> states = new TreeMap<>();
        if (!Files.exists(log)) {
            return states;
        }
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            ObjectMapper json = new ObjectMapper();
            for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                if (!line.isEmpty()) {
                    JsonNode node = json.readTree(line);
                    states.put(node.get("address").asText(), node.get("state").asText());
                }
            }
            return states;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock that stands still until the sleeper is asked to wait, and then moves by exactly the wait. */
    static final class FakeTime extends Clock implements Mailer.Sleeper {
        private Instant now = Instant.parse("2025-08-08T03:00:00Z");
        final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        private final List<Runnable> onWait = new ArrayList<>();

        /** Runs {@code action} when the {@code n}-th wait (1-based) is asked for: a server coming back, say. */
        FakeTime onWait(int n, Runnable action) {
            while (onWait.size() < n) {
                onWait.add(() -> { });
            }
            onWait.set(n - 1, action);
            return this;
        }

        @Override
        public synchronized void sleep(Duration duration) {
            waits.add(duration);
            now = now.plus(duration);
            if (waits.size() <= onWait.size()) {
                onWait.get(waits.size() - 1).run();
            }
        }

        /** The waits of at least a second: the backoff, not the pacing. */
        List<Duration> backoffs() {
            return waits.stream().filter(d -> d.compareTo(Duration.ofSeconds(1)) >= 0).toList();
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A store that remembers every record with the fake time it was made at. */
    static final class RecordingStore extends ForwardingStore {
        record Entry(String address, DeliveryState state, String detail, Instant at) { }

        private final Clock clock;
        final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

        RecordingStore(NewsletterStore store, Clock clock) {
            super(store);
            this.clock = clock;
        }

        List<Instant> handOvers() {
            return entries.stream().filter(e -> e.state() == DeliveryState.IN_DOUBT && e.detail().isEmpty())
                    .map(Entry::at).toList();
        }





        @Override
        public void record(String newsletter, int number, String language, String address, DeliveryState state, String detail) {
            entries.add(new Entry(address, state, detail, clock.instant()));
            store.record(newsletter, number, language, address, state, detail);
        }

    }
}
