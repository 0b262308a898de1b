package dev.newsbrief.newsletter;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A newsletter as its file {@code newsletters/<name>.yaml} describes it: what goes in each
 * edition, in which languages, from whom, to whom and when. Immutable; built and checked by
 * {@link NewsletterLoader}.
 *
 * @param name        the file's name without {@code .yaml}; names the output folder
 *                    {@code newsletters/<name>/} and the state kept for it
 * @param file        the file it was read from, for error messages
 * @param list        the list's identity, a domain-like name ({@code morning.briefs.example.org}):
 *                    the {@code List-Id} header, and the right-hand side of every {@code Message-ID}
 * @param web         the absolute address the output folder is served at (ends with {@code /}):
 *                    links in email must be absolute
 * @param unsubscribe the one-click unsubscribe address, an https URI template with
 *                    {@code {list}} and {@code {address}} (URL-encoded when filled in)
 * @param stories     which stories an edition takes
 * @param schedule    when editions are built and sent
 * @param delivery    how fast and how persistently to send
 * @param languages   the languages it goes out in, in the file's order
 */
public record Newsletter(String name, Path file, String list, URI web, String unsubscribe, Stories stories,
                         Schedule schedule, Delivery delivery, Map<String, Language> languages) {

    public Newsletter {
        Objects.requireNonNull(name, "The parameter 'name' must not be null");
        languages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(languages));
    }

    /** The languages' BCP 47 tags, in the file's order. */
    public List<String> tags() {
        return List.copyOf(languages.keySet());
    }

    public Language language(String tag) {
        Language language = languages.get(tag);
        if (language == null) {
            throw new IllegalArgumentException("newsletter '" + name + "' does not go out in '" + tag + "'");
        }
        return language;
    }

    /**
     * Which stories an edition takes: the story bundles (folders holding {@code story.yaml})
     * and story files directly in {@code folder}, newest first by their {@code published}
     * date (then by id), those no earlier sent edition had, at most {@code max}.
     */
    public record Stories(Path folder, int max) { }

    /** A Quartz cron expression (seconds first: {@code 0 0 6 * * ?} is 06:00 every day) read in {@code zone}. */
    public record Schedule(String cron, ZoneId zone) { }

    /**
     * @param rate    messages per second at most
     * @param retries how many times a temporary SMTP failure (4xx, a dropped connection) is
     *                retried, with exponential backoff, before the address is reported failed
     *                for this run (the next run tries it again)
     */
    public record Delivery(double rate, int retries) {
        public static final Delivery DEFAULT = new Delivery(10, 3);
    }

    /**
     * One language the newsletter goes out in.
     *
     * @param tag         BCP 47 tag, one of the translations
     * @param title       the newsletter's name in this language
     * @param from        the sender, with a display name in this language
     * @param zone        dates in this language's edition are in this zone ({@code Date} header included)
     * @param subscribers the subscriber list for this language (CSV with an {@code email}
     *                    column and an optional {@code name}); none means nobody to send to
     */
    public record Language(String tag, String title, Sender from, ZoneId zone, Path subscribers) { }

    /** A mailbox: display name and address. */
    public record Sender(String name, String address) { }
}
