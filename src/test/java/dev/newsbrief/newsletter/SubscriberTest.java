package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriberTest {
    /** Domains ignore case (RFC 5321 §2.4); a local part may not, so it stays as written. */
    @Test
    void theKeyLowersTheDomainOnly() {
        assertThat(new Subscriber("Ani.Hakobyan@Example.AM", "Անի").key()).isEqualTo("Ani.Hakobyan@example.am");
        assertThat(new Subscriber("Ani.Hakobyan@example.am", "").key())
                .isEqualTo(new Subscriber("Ani.Hakobyan@EXAMPLE.am", "").key())
                .isNotEqualTo(new Subscriber("ani.hakobyan@example.am", "").key());
    }

    /** The last '@' starts the domain: a quoted local part may hold one. */
    @Test
    void theDomainFollowsTheLastAt() {
        assertThat(Subscriber.key("\"A@B\"@Example.ORG")).isEqualTo("\"A@B\"@example.org");
        assertThat(Subscriber.key("@Example.ORG")).isEqualTo("@example.org");
    }

    /** Not an address at all (the loader reports those): kept as it is. */
    @Test
    void withoutAnAtTheKeyIsTheTextAsWritten() {
        assertThat(Subscriber.key("Ani.Hakobyan")).isEqualTo("Ani.Hakobyan");
    }
}
