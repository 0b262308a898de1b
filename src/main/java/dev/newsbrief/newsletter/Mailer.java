package dev.newsbrief.newsletter;

import dev.newsbrief.model.InvalidInputException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends an edition to its subscribers through one SMTP server, each message at most once.
 *
 * <p>Before a message goes to the server the store records {@link DeliveryState#IN_DOUBT};
 * right after the server's reply it records the outcome. A run after a crash therefore skips
 * every address already sent, and reports (without resending) the one address whose message
 * was in flight when the process died. Temporary failures (4xx replies, a lost or refused
 * connection) are retried with exponential backoff; a permanent one (5xx for that recipient)
 * is recorded with the server's reply and the others still go out.
 *
 * <p>Not thread-safe: one {@code deliver} at a time per instance.
 */
public final class Mailer {
    /** The first wait after a temporary failure; each further wait doubles, up to {@link #MAX_BACKOFF}. */
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final int MAX_DETAIL = 500;

    /** Waits; tests pass one that records the waits and returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = Thread::sleep;

        void sleep(Duration duration) throws InterruptedException;
    }

    private final SmtpSettings smtp;
    private final NewsletterStore store;
    private final Clock clock;
    private final Sleeper sleeper;

    /** A mailer on the system clock that really sleeps. */
    public Mailer(SmtpSettings smtp, NewsletterStore store) {
        this(smtp, store, Clock.systemUTC(), Sleeper.REAL);
    }

    /**
     * @param clock   only to pace messages (time already spent sending counts toward the next gap); never in output
     * @param sleeper waits between messages (rate limit) and before retries (backoff)
     */
    public Mailer(SmtpSettings smtp, NewsletterStore store, Clock clock, Sleeper sleeper) {
        this.smtp = Objects.requireNonNull(smtp, "The parameter 'smtp' must not be null");
        this.store = Objects.requireNonNull(store, "The parameter 'store' must not be null");
        this.clock = Objects.requireNonNull(clock, "The parameter 'clock' must not be null");
        this.sleeper = Objects.requireNonNull(sleeper, "The parameter 'sleeper' must not be null");
    }

    /**
     * Sends edition {@code e} in {@code language} to every subscriber, at most
     * {@code n.delivery().rate()} messages per second, each as its own SMTP transaction whose
     * only envelope recipient is the subscriber. Skips addresses recorded SENT or FAILED; skips
     * IN_DOUBT ones (and reports them) unless {@code resendInDoubt}; tries DEFERRED ones again.
     * A sealed edition is accepted too, so that {@code --resend-in-doubt} still works after sealing;
     * the caller decides which edition to deliver.
     *
     * @param messageFor builds a subscriber's message (called once per address sent to)
     * @throws InvalidInputException when the server refuses the login (the credentials are wrong)
     */
    public DeliveryReport deliver(Newsletter n, Edition e, String language, List<Subscriber> subscribers,
                                  Function<Subscriber, MimeMessage> messageFor, boolean resendInDoubt) {
        Objects.requireNonNull(n, "The parameter 'n' must not be null");
        Objects.requireNonNull(e, "The parameter 'e' must not be null");
        Objects.requireNonNull(subscribers, "The parameter 'subscribers' must not be null");
        Objects.requireNonNull(messageFor, "The parameter 'messageFor' must not be null");
        n.language(language);
        if (!e.newsletter().equals(n.name())) {
            throw new IllegalArgumentException("edition " + e.number() + " belongs to '" + e.newsletter()
                    + "', not to '" + n.name() + "'");
        }
        Run run = new Run(n, e, language, messageFor, resendInDoubt);
        try {
            run.all(subscribers);
        } finally {
            run.disconnect();
        }
        return run.report();
    }

    /** Waits for the {@code attempt}-th retry (0 for the first): 1 s, 2 s, 4 s… at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(FIRST_BACKOFF.toMillis() << Math.min(attempt, 20), MAX_BACKOFF.toMillis()));
    }

    private enum Kind { SENT, FAILED, IN_DOUBT, TEMPORARY, UNREACHABLE, STOP }

    private record Outcome(Kind kind, String detail) { }

    /** One deliver() call: its connection, its pace and what it found. */
    private final class Run {
        private final String newsletter;
        private final int number;
        private final String language;
        private final int retries;
        private final Duration interval;
        private final Function<Subscriber, MimeMessage> messageFor;
        private final boolean resendInDoubt;
        private final Map<String, DeliveryState> recorded = new HashMap<>();
        private int sent;
        private int alreadySent;
        private final List<String> failed = new ArrayList<>();
        private final List<String> deferred = new ArrayList<>();
        private final List<String> inDoubt = new ArrayList<>();
        private String stopped;
        private Instant lastHandOver;
        private TrackingTransport transport;

        Run(Newsletter n, Edition e, String language, Function<Subscriber, MimeMessage> messageFor, boolean resendInDoubt) {
            this.newsletter = n.name();
            this.number = e.number();
            this.language = language;
            this.retries = n.delivery().retries();
            this.interval = Duration.ofNanos(Math.round(1e9 / n.delivery().rate()));
            this.messageFor = messageFor;
            this.resendInDoubt = resendInDoubt;
            // Keyed like subscribers, so a list that changes an address's domain case does not send twice.
            store.deliveries(newsletter, number, language)
                    .forEach((address, state) -> recorded.merge(Subscriber.key(address), state, Run::stronger));
        }

        /** Of two records for one mailbox, the one that rules out sending more. */
        private static DeliveryState stronger(DeliveryState a, DeliveryState b) {
            List<DeliveryState> order = List.of(DeliveryState.DEFERRED, DeliveryState.FAILED, DeliveryState.IN_DOUBT,
                    DeliveryState.SENT);
            return order.get(Math.max(order.indexOf(a), order.indexOf(b)));
        }

        void all(List<Subscriber> subscribers) {
            Set<String> seen = new HashSet<>();
            for (Subscriber subscriber : subscribers) {
                if (!seen.add(subscriber.key())) {
                    continue;
                }
                if (stopped != null) {
                    deferred.add(subscriber.address() + ": not tried, " + stopped);
                    continue;
                }
                DeliveryState state = recorded.get(subscriber.key());
                if (state == DeliveryState.SENT) {
                    alreadySent++;
                } else if (state == DeliveryState.FAILED) {
                    failed.add(subscriber.address() + ": refused in an earlier run");
                } else if (state == DeliveryState.IN_DOUBT && !resendInDoubt) {
                    inDoubt.add(subscriber.address());
                } else {
                    send(subscriber);
                }
            }
        }

        private void send(Subscriber subscriber) {
            String address = subscriber.address();
            InternetAddress to;
            try {
                to = new InternetAddress(address, true);
            } catch (AddressException e) {
                record(address, DeliveryState.FAILED, "not an address: " + e.getMessage());
                failed.add(address + ": not an address");
                return;
            }
            MimeMessage message = messageFor.apply(subscriber);
            for (int attempt = 0; ; attempt++) {
                Outcome outcome;
                try {
                    outcome = attempt(address, message, to);
                } catch (InterruptedException e) {
                    interrupted(address);
                    return;
                }
                switch (outcome.kind()) {
                    case SENT -> sent++;
                    case FAILED -> failed.add(address + ": " + outcome.detail());
                    case IN_DOUBT -> inDoubt.add(address);
                    case STOP -> stop(address, outcome.detail());
                    case TEMPORARY, UNREACHABLE -> {
                        if (attempt >= retries) {
                            if (outcome.kind() == Kind.UNREACHABLE) {
                                // Every other address would wait out the same dead server: leave them for the next run.
                                stop(address, outcome.detail());
                            } else {
                                deferred.add(address + ": " + outcome.detail());
                            }
                            return;
                        }
                        try {
                            sleeper.sleep(backoff(attempt));
                        } catch (InterruptedException e) {
                            interrupted(address);
                            return;
                        }
                        continue;
                    }
                }
                return;
            }
        }

        private Outcome attempt(String address, MimeMessage message, InternetAddress to) throws InterruptedException {
            pace();
            try {
                connect();
            } catch (AuthenticationFailedException e) {
                throw new InvalidInputException("environment", 0, 0, SmtpSettings.USER, "the SMTP server refused the login ("
                        + detail(e) + "); check " + SmtpSettings.USER + " and " + SmtpSettings.PASSWORD);
            } catch (MessagingException e) {
                String detail = "cannot connect to " + smtp.host() + ":" + smtp.port() + ": " + detail(e);
                record(address, DeliveryState.DEFERRED, detail);
                return new Outcome(Kind.UNREACHABLE, detail);
            }
            record(address, DeliveryState.IN_DOUBT, "");
            transport.messageEnded = false;
            try {
                transport.sendMessage(message, new Address[] {to});
            } catch (MessagingException e) {
                return failure(address, e);
            }
            record(address, DeliveryState.SENT, oneLine(transport.getLastServerResponse()));
            return new Outcome(Kind.SENT, "");
        }

        private Outcome failure(String address, MessagingException e) {
            int code = replyCode(e);
            String detail = detail(e);
            if (code == 0 && transport.messageEnded) {
                // The whole message went out and no reply came back: the server may have taken it.
                disconnect();
                record(address, DeliveryState.IN_DOUBT, detail);
                return new Outcome(Kind.IN_DOUBT, detail);
            }
            if (code >= 500 && refusedSender(e)) {
                record(address, DeliveryState.DEFERRED, detail);
                return new Outcome(Kind.STOP, "the server refused the sender: " + detail);
            }
            if (code >= 500) {
                record(address, DeliveryState.FAILED, detail);
                return new Outcome(Kind.FAILED, detail);
            }
            record(address, DeliveryState.DEFERRED, detail);
            return new Outcome(Kind.TEMPORARY, detail);
        }

        /** Waits so that hand-overs are at least 1/rate apart; time spent sending counts. */
        private void pace() throws InterruptedException {
            if (lastHandOver != null) {
                Duration wait = Duration.between(clock.instant(), lastHandOver.plus(interval));
                if (wait.isPositive()) {
                    sleeper.sleep(wait);
                }
            }
            lastHandOver = clock.instant();
        }

        /** One connection per run, checked (NOOP) before each message and opened again when it was lost. */
        private void connect() throws MessagingException {
            if (transport != null && transport.isConnected()) {
                return;
            }
            disconnect();
            Session session = Session.getInstance(smtp.sessionProperties());
            String user = smtp.user().isEmpty() ? null : smtp.user();
            String password = smtp.password().isEmpty() ? null : smtp.password();
            TrackingTransport fresh = new TrackingTransport(session,
                    new URLName(smtp.protocol(), smtp.host(), smtp.port(), null, user, null), smtp.protocol(),
                    smtp.security() == SmtpSettings.Security.SMTPS);
            fresh.connect(smtp.host(), smtp.port(), user, password);
            transport = fresh;
        }

        void disconnect() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // closing a broken connection: nothing left to save
                }
                transport = null;
            }
        }

        private void stop(String address, String why) {
            deferred.add(address + ": " + why);
            stopped = why;
        }

        private void interrupted(String address) {
            Thread.currentThread().interrupt();
            stop(address, "interrupted");
        }

        private void record(String address, DeliveryState state, String detail) {
            store.record(newsletter, number, language, address, state, detail);
        }

        DeliveryReport report() {
            return new DeliveryReport(language, sent, alreadySent, failed, deferred, inDoubt);
        }
    }

    /** The SMTP reply code in {@code e}'s chain (a refused recipient is nested in "Invalid Addresses"), or 0 for none. */
    static int replyCode(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException a && a.getReturnCode() > 0) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                return s.getReturnCode();
            }
        }
        return 0;
    }

    /** True when the refusal was of MAIL FROM: no recipient's fault, so nobody is marked failed. */
    private static boolean refusedSender(MessagingException e) {
        return e instanceof SMTPSendFailedException s && s.getCommand() != null && s.getCommand().startsWith("MAIL");
    }

    /** The server's reply when there is one, else the error and its cause, on one line. */
    static String detail(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException || x instanceof SMTPSendFailedException) {
                return oneLine(x.getMessage());
            }
        }
        Throwable cause = e.getCause();
        return oneLine(e.getMessage() + (cause == null ? "" : ": " + cause));
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }

    /** Knows whether the end of the message went out: a failure after that may hide a message the server took. */
    private static final class TrackingTransport extends SMTPTransport {
        boolean messageEnded;

        TrackingTransport(Session session, URLName url, String protocol, boolean ssl) {
            super(session, url, protocol, ssl);
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            messageEnded = true;
            super.finishData();
        }
    }
}
