package dev.newsbrief.newsletter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The state newsletters keep between runs: which editions exist (and so which stories were
 * sent) and what was delivered to whom. Two implementations: {@link FileStore}, files beside
 * the output on one machine, and {@link JdbcStore}, tables in the PostgreSQL database that
 * clustered schedulers share. Every method is atomic on its own and safe to call from several
 * processes at once; a record, once this returns, survives a crash (fsync or commit).
 */
public interface NewsletterStore extends AutoCloseable {

    /** Every edition of the newsletter, by number, oldest first. */
    List<Edition> editions(String newsletter);

    /**
     * The edition to build now: the open (unsealed) one if there is one, else the one
     * {@code next} proposes from the editions so far (oldest first), recorded before it is
     * returned; empty if there is none open and {@code next} proposes none (nothing new to send).
     * Atomic: two callers at once get the same edition.
     */
    Optional<Edition> openEdition(String newsletter, Function<List<Edition>, Optional<Edition>> next);

    /** Marks the edition sealed: its stories count as sent; the next {@link #openEdition} proposes a new one. */
    void seal(String newsletter, int number);

    /** What is recorded for each address of the edition's language (addresses never tried are absent). */
    Map<String, DeliveryState> deliveries(String newsletter, int number, String language);

    /**
     * Records the state of one message. {@link DeliveryState#IN_DOUBT} is recorded just before
     * the message goes to the server, the outcome right after.
     *
     * @param detail the server's reply or the error, for reports; may be empty
     */
    void record(String newsletter, int number, String language, String address, DeliveryState state, String detail);

    @Override
    void close();
}
