package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FeedsTest {
    private static final Newsletter MORNING = new NewsletterLoader().load(Path.of("newsletters/morning.yaml"));
    private static final URI WEB = URI.create("https://briefs.example.org/morning/");
    private static final Instant FIRST = Instant.parse("2025-08-07T02:00:00Z");
    private static final Instant SECOND = Instant.parse("2025-08-08T02:00:00Z");
    private static final Instant THIRD = Instant.parse("2025-08-09T02:00:00Z");

    private static Feeds.Entry entry(int edition, String language, String title, Instant updated) {
        return new Feeds.Entry(Feeds.entryId(MORNING, edition, language), title, "Ամփոփում / Сводка / summary " + edition,
                language, updated, WEB.resolve(language + "/edition-" + edition + "/"));
    }

    /** Armenian editions, given oldest first and out of order on purpose. */
    private static List<Feeds.Entry> armenian() {
        return List.of(
                entry(2, "hy", "Տեղեկագիր № 2՝ «Սահմանազատում»", SECOND),
                entry(1, "hy", "Տեղեկագիր № 1՝ «Խաղաղություն»", FIRST),
                entry(3, "hy", "Տեղեկագիր № 3՝ «Միջանցք»", THIRD));
    }

    private static byte[] armenianFeed() {
        return Feeds.atom(MORNING, "hy", "Առավոտյան տեղեկագիր", WEB.resolve("hy/feed.atom"), WEB.resolve("hy/"), armenian());
    }

    /** The same edition in each language: equal updated, so the newsletter's language order must hold. */
    private static List<Feeds.Entry> allLanguages() {
        return List.of(
                entry(1, "hy", "Տեղեկագիր № 1", FIRST),
                entry(1, "ru", "Сводка № 1 — «Мир»", FIRST),
                entry(2, "hy", "Տեղեկագիր № 2", SECOND),
                entry(2, "ru", "Сводка № 2 — «Граница»", SECOND),
                entry(2, "az", "Bülleten № 2 — «Sərhəd»", SECOND));
    }

    private static byte[] allFeed() {
        return Feeds.atom(MORNING, null, "The Morning Brief", WEB.resolve("feed.atom"), WEB, allLanguages());
    }

    private static Feed wire(byte[] bytes) throws Exception {
        return (Feed) new WireFeedInput().build(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    }

    private static org.w3c.dom.Document dom(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static String link(List<Link> links, String rel) {
        return links.stream().filter(l -> rel.equals(l.getRel())).map(Link::getHref).findFirst().orElseThrow();
    }

    @Test
    void aLanguagesFeedIsAtom10WithIdsTitlesAndLinks() throws Exception {
        Feed feed = wire(armenianFeed());

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo("tag:morning.briefs.example.org,2025:feed/hy");
        assertThat(feed.getTitle()).isEqualTo("Առավոտյան տեղեկագիր");
        assertThat(feed.getAuthors()).singleElement().satisfies(a -> assertThat(a.getName()).isEqualTo("Առավոտյան տեղեկագիր"));
        assertThat(link(feed.getOtherLinks(), "self")).isEqualTo("https://briefs.example.org/morning/hy/feed.atom");
        assertThat(link(feed.getAlternateLinks(), "alternate")).isEqualTo("https://briefs.example.org/morning/hy/");
        assertThat(feed.getUpdated()).as("the newest entry's, not the clock").isEqualTo(Date.from(THIRD));

        List<Entry> entries = feed.getEntries();
        assertThat(entries).extracting(Entry::getId).as("newest first").containsExactly(
                "tag:morning.briefs.example.org,2025:edition-3/hy",
                "tag:morning.briefs.example.org,2025:edition-2/hy",
                "tag:morning.briefs.example.org,2025:edition-1/hy");
        assertThat(entries).extracting(Entry::getTitle).containsExactly(
                "Տեղեկագիր № 3՝ «Միջանցք»", "Տեղեկագիր № 2՝ «Սահմանազատում»", "Տեղեկագիր № 1՝ «Խաղաղություն»");
        assertThat(entries).extracting(Entry::getUpdated).containsExactly(Date.from(THIRD), Date.from(SECOND), Date.from(FIRST));
        assertThat(entries.get(0).getSummary().getValue()).isEqualTo("Ամփոփում / Сводка / summary 3");
        assertThat(link(entries.get(0).getAlternateLinks(), "alternate")).isEqualTo("https://briefs.example.org/morning/hy/edition-3/");
    }

    @Test
    void aLanguagesFeedCarriesItsLanguageOnceOnTheRoot() throws Exception {
        org.w3c.dom.Document document = dom(armenianFeed());

        assertThat(document.getDocumentElement().getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("hy");
        NodeList entries = document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(3);
        for (int i = 0; i < entries.getLength(); i++) {
            assertThat(((Element) entries.item(i)).hasAttributeNS(XMLConstants.XML_NS_URI, "lang")).isFalse();
        }
    }

    @Test
    void theAllLanguagesFeedMarksEachEntrysLanguage() throws Exception {
        byte[] bytes = allFeed();
        org.w3c.dom.Document document = dom(bytes);

        assertThat(document.getDocumentElement().hasAttributeNS(XMLConstants.XML_NS_URI, "lang")).isFalse();
        NodeList entries = document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        List<String> languages = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            languages.add(((Element) entries.item(i)).getAttributeNS(XMLConstants.XML_NS_URI, "lang"));
        }
        // Newest first; one edition's languages keep the order they were given in.
        assertThat(languages).containsExactly("hy", "ru", "az", "hy", "ru");
        Feed feed = wire(bytes);
        assertThat(feed.getId()).isEqualTo("tag:morning.briefs.example.org,2025:feed");
        assertThat(feed.getEntries()).extracting(Entry::getId).containsExactly(
                Feeds.entryId(MORNING, 2, "hy"), Feeds.entryId(MORNING, 2, "ru"), Feeds.entryId(MORNING, 2, "az"),
                Feeds.entryId(MORNING, 1, "hy"), Feeds.entryId(MORNING, 1, "ru"));
        assertThat(feed.getEntries()).extracting(Entry::getTitle)
                .contains("Сводка № 2 — «Граница»", "Bülleten № 2 — «Sərhəd»", "Տեղեկագիր № 1");
    }

    @Test
    void aRussianFeedKeepsItsTitlesThroughSyndFeedInput() throws Exception {
        List<Feeds.Entry> russian = List.of(entry(1, "ru", "Сводка № 1 — «Мирное соглашение», ёлочки", FIRST));
        byte[] bytes = Feeds.atom(MORNING, "ru", "Утренняя сводка", WEB.resolve("ru/feed.atom"), WEB.resolve("ru/"), russian);

        SyndFeed feed = new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        assertThat(feed.getTitle()).isEqualTo("Утренняя сводка");
        SyndEntry only = feed.getEntries().get(0);
        assertThat(only.getTitle()).isEqualTo("Сводка № 1 — «Мирное соглашение», ёлочки");
        assertThat(only.getUri()).isEqualTo("tag:morning.briefs.example.org,2025:edition-1/ru");
        assertThat(only.getLink()).isEqualTo("https://briefs.example.org/morning/ru/edition-1/");
    }

    @Test
    void theBytesAreUtf8() {
        String xml = new String(armenianFeed(), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(xml).contains("Տեղեկագիր № 3՝ «Միջանցք»").doesNotContain("&#");
    }

    @Test
    void buildingTwiceGivesTheSameBytes() {
        assertThat(armenianFeed()).isEqualTo(armenianFeed());
        assertThat(allFeed()).isEqualTo(allFeed());
    }

    @Test
    void everyDateInTheFeedComesFromTheEntriesNotTheClock() throws Exception {
        String xml = new String(allFeed(), StandardCharsets.UTF_8);
        Matcher dates = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z").matcher(xml);
        List<Instant> found = new ArrayList<>();
        while (dates.find()) {
            found.add(Instant.parse(dates.group()));
        }
        assertThat(found).isNotEmpty().allSatisfy(date -> assertThat(date).isIn(FIRST, SECOND));
        assertThat(xml).doesNotContain("<generator");
    }

    @Test
    void aFeedWithNoEditionsYetIsDatedAtTheEpoch() throws Exception {
        byte[] bytes = Feeds.atom(MORNING, "az", "Səhər bülleteni", WEB.resolve("az/feed.atom"), WEB.resolve("az/"), List.of());
        Feed feed = wire(bytes);
        assertThat(feed.getUpdated()).isEqualTo(Date.from(Instant.EPOCH));
        assertThat(feed.getTitle()).isEqualTo("Səhər bülleteni");
        assertThat(feed.getEntries()).isEmpty();
    }

    @Test
    void twoEntriesWithOneIdAreRefused() {
        List<Feeds.Entry> twice = List.of(entry(1, "hy", "a", FIRST), entry(1, "hy", "b", SECOND));
        assertThatThrownBy(() -> Feeds.atom(MORNING, "hy", "t", WEB, WEB, twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag:morning.briefs.example.org,2025:edition-1/hy");
    }

    @Test
    void anEntryIdMustBeAnAbsoluteUri() {
        assertThatThrownBy(() -> new Feeds.Entry("edition-1", "t", "s", "hy", FIRST, WEB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute URI");
    }

    /** Readers learn who writes the feed, what each link leads to and in which language, and that titles are plain text. */
    @Test
    void authorLinksAndTextConstructsAreTyped() throws Exception {
        Feed feed = wire(armenianFeed());
        assertThat(feed.getAuthors()).singleElement().satisfies(a -> assertThat(a.getUri()).isEqualTo(MORNING.web().toString()));
        Link alternate = feed.getAlternateLinks().get(0);
        assertThat(alternate.getType()).isEqualTo("text/html");
        assertThat(alternate.getHreflang()).isEqualTo("hy");
        Link self = feed.getOtherLinks().stream().filter(l -> "self".equals(l.getRel())).findFirst().orElseThrow();
        assertThat(self.getType()).isEqualTo("application/atom+xml");
        assertThat(self.getHreflang()).isNull();
        Link entryLink = feed.getEntries().get(0).getAlternateLinks().get(0);
        assertThat(entryLink.getType()).isEqualTo("text/html");
        assertThat(entryLink.getHreflang()).isEqualTo("hy");

        org.w3c.dom.Document document = dom(armenianFeed());
        for (String element : List.of("title", "summary")) {
            NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", element);
            assertThat(nodes.getLength()).isPositive();
            for (int i = 0; i < nodes.getLength(); i++) {
                assertThat(((Element) nodes.item(i)).getAttribute("type")).as(element).isEqualTo("text");
            }
        }
    }

    @Test
    void anEntryLinkMustBeAbsolute() {
        assertThatThrownBy(() -> new Feeds.Entry(Feeds.entryId(MORNING, 1, "hy"), "t", "s", "hy", FIRST, URI.create("hy/1.html")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("link must be absolute");
    }
}
