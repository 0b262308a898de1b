package dev.newsbrief.newsletter;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Atom 1.0 feeds of a newsletter's editions, built with ROME: one per language and one for
 * all languages. The same inputs give the same bytes: {@code updated} is the newest entry's,
 * never the wall clock, and ROME adds no generator or timestamp of its own.
 *
 * <p><b>Ids</b> are <a href="https://www.rfc-editor.org/rfc/rfc4151">tag URIs</a> over the
 * newsletter's {@code list} name and the fixed date {@value #TAG_DATE}:
 * {@code tag:morning.briefs.example.org,2025:edition-12/hy} for edition 12 in Armenian
 * ({@link #entryId}), {@code tag:morning.briefs.example.org,2025:feed/hy} for the Armenian feed
 * and {@code tag:morning.briefs.example.org,2025:feed} for the all-languages one
 * ({@link #feedId}). They depend on nothing that may change later (not the web address, not an
 * edition's date), so a feed reader never sees an old edition as new. The date is fixed: the
 * list name is the newsletter owner's, the date only marks when the scheme was minted; changing
 * it would change every id.
 */
public final class Feeds {
    /** The tag URI date of every id; never change it (see the class comment). */
    public static final String TAG_DATE = "2025";
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");

    private Feeds() { }

    /**
     * One entry: an edition in one language.
     *
     * @param id       a stable absolute URI ({@code tag:} or {@code urn:}), e.g. {@link #entryId}
     * @param language the entry's BCP 47 tag, written as {@code xml:lang} where it differs from the feed's
     * @param updated  when the edition was published; orders the feed and gives the feed's {@code updated}
     * @param link     the edition's web version, absolute
     */
    public record Entry(String id, String title, String summary, String language, Instant updated, URI link) {
        public Entry {
            Objects.requireNonNull(id, "The parameter 'id' must not be null");
            Objects.requireNonNull(title, "The parameter 'title' must not be null");
            Objects.requireNonNull(summary, "The parameter 'summary' must not be null");
            Objects.requireNonNull(updated, "The parameter 'updated' must not be null");
            Objects.requireNonNull(link, "The parameter 'link' must not be null");
            if (!URI.create(id).isAbsolute()) {
                throw new IllegalArgumentException("an Atom entry id must be an absolute URI such as tag:…: '" + id + "'");
            }
            if (!link.isAbsolute()) {
                throw new IllegalArgumentException("an Atom entry link must be absolute: '" + link + "'");
            }
        }
    }

    /** {@code tag:<list>,2025:edition-<number>/<language>}: the stable id of one edition in one language. */
    public static String entryId(Newsletter n, int edition, String language) {
        Objects.requireNonNull(n, "The parameter 'n' must not be null");
        Objects.requireNonNull(language, "The parameter 'language' must not be null");
        return "tag:" + n.list() + "," + TAG_DATE + ":edition-" + edition + "/" + language;
    }

    /** {@code tag:<list>,2025:feed/<language>}, or {@code tag:<list>,2025:feed} for the all-languages feed ({@code language} null). */
    public static String feedId(Newsletter n, String language) {
        Objects.requireNonNull(n, "The parameter 'n' must not be null");
        return "tag:" + n.list() + "," + TAG_DATE + ":feed" + (language == null ? "" : "/" + language);
    }

    /**
     * One Atom feed, UTF-8, entries newest first (entries with the same {@code updated} keep
     * the order given, e.g. the newsletter's language order).
     *
     * @param language  the tag of a language's feed (its {@code xml:lang}), or null for the all-languages feed,
     *                  where every entry carries its own {@code xml:lang}
     * @param title     the feed's title, also its author's name
     * @param self      where the feed itself is served ({@code rel="self"})
     * @param alternate the archive page it mirrors ({@code rel="alternate"})
     * @param entries   in any order; {@code updated} of the feed is the newest entry's, or
     *                  1970-01-01T00:00:00Z when there is none yet (never the wall clock)
     */
    public static byte[] atom(Newsletter n, String language, String title, URI self, URI alternate, List<Entry> entries) {
        Objects.requireNonNull(n, "The parameter 'n' must not be null");
        Objects.requireNonNull(title, "The parameter 'title' must not be null");
        Objects.requireNonNull(self, "The parameter 'self' must not be null");
        Objects.requireNonNull(alternate, "The parameter 'alternate' must not be null");
        Objects.requireNonNull(entries, "The parameter 'entries' must not be null");
        List<Entry> newestFirst = new ArrayList<>(entries);
        newestFirst.sort(Comparator.comparing(Entry::updated).reversed()); // stable: ties keep the caller's order
        Set<String> ids = new HashSet<>();
        for (Entry entry : newestFirst) {
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException("two Atom entries share the id '" + entry.id() + "'");
            }
        }

        // No setEncoding or setLanguage: our outputter writes UTF-8 and ROME's Atom generator ignores the
        // feed's language (xml:lang is set on the document below).
        Feed feed = new Feed("atom_1.0");
        feed.setId(feedId(n, language));
        feed.setTitleEx(text(title));
        feed.setUpdated(Date.from(newestFirst.isEmpty() ? Instant.EPOCH : newestFirst.get(0).updated()));
        Person author = new Person();
        author.setName(title);
        author.setUri(n.web().toString());
        feed.setAuthors(List.<SyndPerson>of(author));
        feed.setAlternateLinks(List.of(link("alternate", alternate, "text/html", language)));
        feed.setOtherLinks(List.of(link("self", self, "application/atom+xml", null)));
        List<com.rometools.rome.feed.atom.Entry> atomEntries = new ArrayList<>();
        for (Entry entry : newestFirst) {
            com.rometools.rome.feed.atom.Entry atomEntry = new com.rometools.rome.feed.atom.Entry();
            atomEntry.setId(entry.id());
            atomEntry.setTitleEx(text(entry.title()));
            atomEntry.setSummary(text(entry.summary()));
            atomEntry.setUpdated(Date.from(entry.updated()));
            atomEntry.setAlternateLinks(List.of(link("alternate", entry.link(), "text/html", entry.language())));
            atomEntries.add(atomEntry);
        }
        feed.setEntries(atomEntries);

        try {
            Document document = new WireFeedOutput().outputJDom(feed);
            Element root = document.getRootElement();
            if (language != null) {
                root.setAttribute("lang", language, Namespace.XML_NAMESPACE);
            }
            // ROME's Atom entry has no language: xml:lang goes on the entry elements it wrote, in the same order.
            List<Element> entryElements = root.getChildren("entry", ATOM);
            for (int i = 0; i < entryElements.size(); i++) {
                String entryLanguage = newestFirst.get(i).language();
                if (entryLanguage != null && !entryLanguage.equals(language)) {
                    entryElements.get(i).setAttribute("lang", entryLanguage, Namespace.XML_NAMESPACE);
                }
            }
            // Our own outputter: ROME's takes its line separator from a system property.
            Format format = Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator("\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XMLOutputter(format).output(document, out);
            return out.toByteArray();
        } catch (FeedException e) {
            throw new IllegalStateException("ROME could not write the Atom feed " + self + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, URI href, String type, String hreflang) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href.toString());
        link.setType(type);
        link.setHreflang(hreflang);
        return link;
    }
}
