package dev.newsbrief.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One numbered, dated issue of a newsletter: its stories in order. What a store records, so
 * that building it again gives the same bytes.
 *
 * @param newsletter the newsletter's name
 * @param number     1 for the first edition, then one more each time
 * @param at         the edition's moment: its date in each language's zone, and the {@code Date} header
 * @param stories    story ids, newest first, as they appear in the edition
 * @param sealed     true once delivery finished: its stories count as sent and the next edition is a new one
 */
public record Edition(String newsletter, int number, Instant at, List<String> stories, boolean sealed) {
    public Edition {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
        Objects.requireNonNull(at, "The parameter 'at' must not be null");
        stories = List.copyOf(stories);
        if (number < 1) {
            throw new IllegalArgumentException("edition numbers start at 1: " + number);
        }
    }

    public Edition withSealed() {
        return new Edition(newsletter, number, at, stories, true);
    }
}
