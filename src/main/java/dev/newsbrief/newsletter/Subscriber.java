package dev.newsbrief.newsletter;

import java.util.Locale;
import java.util.Objects;

/**
 * One person on a newsletter's list.
 *
 * @param address the mailbox as the list gives it (its case kept: the local part may be case-sensitive)
 * @param name    the display name, or {@code ""}
 */
public record Subscriber(String address, String name) {
    public Subscriber {
        Objects.requireNonNull(address, "The parameter 'address' must not be null");
        Objects.requireNonNull(name, "The parameter 'name' must not be null");
    }

    /**
     * The address as one mailbox: the domain in lower case (domains ignore case, RFC 5321
     * §2.4), the local part as written. Two subscribers with the same key are one person.
     */
    public String key() {
        return key(address);
    }

    static String key(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
