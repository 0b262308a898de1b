package dev.newsbrief.newsletter;

/**
 * What the store knows about one message (edition × language × subscriber address).
 * No record at all means it was never tried.
 */
public enum DeliveryState {
    /**
     * Recorded before the message was handed to the SMTP server, and not followed by an
     * outcome: the process stopped while sending. The server may or may not have taken it, so
     * it is not sent again unless the user asks ({@code --resend-in-doubt}); reported instead.
     */
    IN_DOUBT,
    /** The SMTP server accepted it (250 after DATA): never sent again. */
    SENT,
    /** A temporary failure (4xx, connection lost) outlasted the retries: the next run tries again. */
    DEFERRED,
    /** A permanent failure (5xx: no such mailbox, refused): reported, never retried. */
    FAILED
}
