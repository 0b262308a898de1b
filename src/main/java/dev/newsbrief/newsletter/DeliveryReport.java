package dev.newsbrief.newsletter;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link Mailer#deliver} run did for one language of an edition.
 *
 * @param language    the language's BCP 47 tag
 * @param sent        messages the server accepted in this run
 * @param alreadySent addresses an earlier run had sent to, skipped
 * @param failed      {@code "address: reason"} for each permanent failure (the server's 5xx reply), in this run
 *                    or an earlier one; never retried
 * @param deferred    {@code "address: reason"} for each address still to be sent: a temporary failure outlasted
 *                    the retries, or the run stopped before it; the next run tries again
 * @param inDoubt     addresses whose message may or may not have reached the server (the process stopped, or
 *                    the connection broke, after the message was handed over); not resent unless asked
 */
public record DeliveryReport(String language, int sent, int alreadySent, List<String> failed, List<String> deferred,
                             List<String> inDoubt) {
    public DeliveryReport {
        Objects.requireNonNull(language, "The parameter 'language' must not be null");
        failed = List.copyOf(failed);
        deferred = List.copyOf(deferred);
        inDoubt = List.copyOf(inDoubt);
    }

    /**
     * True when nothing is deferred: every address is sent, failed or in doubt, so no later run
     * would send anything more and the edition can be sealed.
     */
    public boolean complete() {
        return deferred.isEmpty();
    }
}
