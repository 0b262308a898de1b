package dev.newsbrief.newsletter;

import dev.newsbrief.build.Format;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where each file of a newsletter goes, relative to the output root (always with {@code /}),
 * and the links between them. One place, so that the files written, the links in the pages
 * and the links in the email agree.
 *
 * <pre>
 * newsletters/&lt;name&gt;/&lt;tag&gt;/index.html        the archive of one language
 * newsletters/&lt;name&gt;/&lt;tag&gt;/&lt;N&gt;.html          the web version of edition N
 * newsletters/&lt;name&gt;/&lt;tag&gt;/&lt;N&gt;.email.html    its email HTML
 * newsletters/&lt;name&gt;/&lt;tag&gt;/&lt;N&gt;.txt           its plain-text part
 * newsletters/&lt;name&gt;/&lt;tag&gt;/&lt;N&gt;.eml           the message
 * newsletters/&lt;name&gt;/&lt;tag&gt;/feed.atom       the feed of one language
 * newsletters/&lt;name&gt;/feed.atom             the feed of every language
 * &lt;tag&gt;/&lt;story&gt;.html, &lt;tag&gt;/&lt;story&gt;.pdf     a story's briefs ({@link Format})
 * </pre>
 */
public final class EditionPaths {
    private static final String ROOT = "newsletters/";

    private EditionPaths() { }

    /** {@code newsletters/<name>/<tag>/}: the folder of one language's editions. */
    public static String folder(Newsletter newsletter, String tag) {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
        Objects.requireNonNull(tag, "The parameter 'tag' must not be null");
        return ROOT + newsletter.name() + "/" + tag + "/";
    }

    /** {@code newsletters/<name>/<tag>/index.html} */
    public static String archive(Newsletter newsletter, String tag) {
        return folder(newsletter, tag) + "index.html";
    }

    /** {@code newsletters/<name>/<tag>/<N>.html} */
    public static String web(Newsletter newsletter, String tag, int number) {
        return folder(newsletter, tag) + number + ".html";
    }

    /** {@code newsletters/<name>/<tag>/<N>.email.html} */
    public static String email(Newsletter newsletter, String tag, int number) {
        return folder(newsletter, tag) + number + ".email.html";
    }

    /** {@code newsletters/<name>/<tag>/<N>.txt} */
    public static String text(Newsletter newsletter, String tag, int number) {
        return folder(newsletter, tag) + number + ".txt";
    }

    /** {@code newsletters/<name>/<tag>/<N>.eml} */
    public static String message(Newsletter newsletter, String tag, int number) {
        return folder(newsletter, tag) + number + ".eml";
    }

    /** {@code newsletters/<name>/<tag>/feed.atom} */
    public static String feed(Newsletter newsletter, String tag) {
        return folder(newsletter, tag) + "feed.atom";
    }

    /** {@code newsletters/<name>/feed.atom}: every language in one feed. */
    public static String feed(Newsletter newsletter) {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
        return ROOT + newsletter.name() + "/feed.atom";
    }

    /** {@code <tag>/<story>.html}, the story's web brief. */
    public static String brief(String storyId, String tag) {
        return Format.HTML.path(storyId, tag);
    }

    /** {@code <tag>/<story>.pdf}, the story's printable brief. */
    public static String pdf(String storyId, String tag) {
        return Format.PDF.path(storyId, tag);
    }

    /** The address a file is served at: email needs absolute links. */
    public static URI absolute(Newsletter newsletter, String relative) {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
        Objects.requireNonNull(relative, "The parameter 'relative' must not be null");
        return newsletter.web().resolve(relative);
    }

    /**
     * A relative link from the page at {@code from} to the file at {@code to}, both relative
     * to the output root: {@code link("newsletters/m/ru/3.html", "ru/a.html")} is
     * {@code ../../../ru/a.html}. Pages served from a folder or opened from disk both follow it.
     */
    public static String link(String from, String to) {
        String[] fromParts = from.split("/", -1);
        String[] toParts = to.split("/", -1);
        // The folders both share (the last part of 'from' is the page itself, not a folder).
        int common = 0;
        while (common < fromParts.length - 1 && common < toParts.length - 1 && fromParts[common].equals(toParts[common])) {
            common++;
        }
        StringBuilder link = new StringBuilder();
        for (int i = common; i < fromParts.length - 1; i++) {
            link.append("../");
        }
        for (int i = common; i < toParts.length; i++) {
            link.append(toParts[i]);
            if (i < toParts.length - 1) {
                link.append('/');
            }
        }
        return link.toString();
    }

    /**
     * The unsubscribe page as the footer of an email links it: the newsletter's unsubscribe
     * address with {@code {list}} filled in and {@code {address}} left empty, so that the one
     * email body serves every subscriber (the page asks for the address). The per-subscriber
     * link, {@code {address}} filled in, is the message's {@code List-Unsubscribe} header.
     */
    public static URI unsubscribePage(Newsletter newsletter) {
        return unsubscribe(newsletter, "");
    }

    /** The one-click unsubscribe address of one subscriber ({@code List-Unsubscribe}), both fields URL-encoded. */
    public static URI unsubscribe(Newsletter newsletter, String address) {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
        Objects.requireNonNull(address, "The parameter 'address' must not be null");
        return URI.create(newsletter.unsubscribe()
                .replace("{list}", URLEncoder.encode(newsletter.list(), StandardCharsets.UTF_8))
                .replace("{address}", URLEncoder.encode(address, StandardCharsets.UTF_8)));
    }
}
