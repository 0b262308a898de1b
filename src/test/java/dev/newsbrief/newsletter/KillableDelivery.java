package dev.newsbrief.newsletter;

import dev.newsbrief.limit.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A delivery in its own JVM for {@link DeliveryKillTest}: sends edition 1 of the test
 * newsletter to the subscribers in {@code args[2]} through the SMTP server on port
 * {@code args[1]}, its state in {@code args[0]}, {@code args[3]} messages per second. With
 * {@code args[4]} = N &gt; 0 it halts the JVM the moment the N-th SENT record is to be written
 * (the server has accepted the message, the record never happens). {@code args[5]} is
 * resendInDoubt. Prints {@code REPORT ...} and seals the edition when the report is complete.
 */
public final class KillableDelivery {
    private KillableDelivery() { }

    public static void main(String[] args) {
        Path state = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        List<Subscriber> subscribers = Subscribers.load(Path.of(args[2]), Limits.DEFAULT);
        double rate = Double.parseDouble(args[3]);
        int haltAtSent = Integer.parseInt(args[4]);
        boolean resendInDoubt = Boolean.parseBoolean(args[5]);
        try (NewsletterStore store = haltAtSent > 0 ? new HaltingStore(new FileStore(state), haltAtSent) : new FileStore(state)) {
            Edition edition = store.openEdition(DeliveryFixtures.NEWSLETTER,
                    editions -> editions.isEmpty() ? Optional.of(DeliveryFixtures.EDITION) : Optional.empty())
                    .orElseGet(() -> store.editions(DeliveryFixtures.NEWSLETTER).getFirst());
            SmtpSettings smtp = new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, "", "", Duration.ofSeconds(10));
            System.out.println("STARTED");
            System.out.flush();
            DeliveryReport report = new Mailer(smtp, store).deliver(DeliveryFixtures.newsletter(rate, 3), edition, "en",
                    subscribers, DeliveryFixtures::message, resendInDoubt);
            if (report.complete()) {
                store.seal(DeliveryFixtures.NEWSLETTER, edition.number());
            }
            System.out.println("REPORT sent=" + report.sent() + " alreadySent=" + report.alreadySent() + " inDoubt="
                    + report.inDoubt() + " deferred=" + report.deferred() + " failed=" + report.failed()
                    + " complete=" + report.complete());
        }
    }

    /** Halts the JVM instead of writing the N-th SENT record: a crash between the server's 250 and the record. */
    private static final class HaltingStore extends ForwardingStore {
        private final int haltAt;
        private final AtomicInteger sent = new AtomicInteger();

        HaltingStore(NewsletterStore store, int haltAt) {
            super(store);
            this.haltAt = haltAt;
        }





        @Override
        public void record(String newsletter, int number, String language, String address, DeliveryState state, String detail) {
            if (state == DeliveryState.SENT && sent.incrementAndGet() == haltAt) {
                System.out.println("HALT " + address);
                System.out.flush();
                Runtime.getRuntime().halt(9);
            }
            store.record(newsletter, number, language, address, state, detail);
        }

    }
}
