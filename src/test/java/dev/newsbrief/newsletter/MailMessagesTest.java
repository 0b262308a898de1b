package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailMessagesTest {
    private static final Newsletter MORNING = new NewsletterLoader().load(Path.of("newsletters/morning.yaml"));
    /** 06:00 in Yerevan and Baku, 05:00 in Moscow, 22:00 the day before in New York. */
    private static final Instant AT = Instant.parse("2025-08-09T02:00:00Z");
    private static final Edition EDITION = new Edition("morning", 7, AT, List.of("peace-2025", "grain-corridor"), false);
    private static final Session PARSER = Session.getInstance(new Properties());

    /** Subject and subscriber per language, as a native editor would write them. */
    private static final Map<String, List<String>> SAMPLES = Map.of(
            "hy", List.of("Առավոտյան տեղեկագիր № 7՝ «Խաղաղության համաձայնագիր»", "Անի Հակոբյան", "ani@example.am"),
            "az", List.of("Səhər bülleteni № 7 — «Sülh sazişi»: İrəvan və Bakı razılaşdı", "Ləman Əliyeva", "leman@example.az"),
            "ru", List.of("Утренняя сводка № 7 — «Мирное соглашение»: ёлочки и тире", "Алёна Щукина", "alyona@example.ru"),
            "en", List.of("The Morning Brief No. 7: \"Peace agreement\", signed", "O'Brien, Jane", "jane@example.org"));

    private static MailMessages.Content content(String language, String subject) {
        String html = "<!DOCTYPE html>\n<html lang=\"" + language + "\"><body><p>" + subject + "</p>\n<p>"
                + "long line ".repeat(150) + "</p></body></html>\n";
        String text = subject + "\n\n[1] https://briefs.example.org/" + language + "/edition-7/\n";
        return new MailMessages.Content(MORNING, EDITION, language, subject, "unused", html, text);
    }

    private static MailMessages.Content content(String language) {
        return content(language, SAMPLES.get(language).get(0));
    }

    private static MailMessages.Recipient subscriber(String language) {
        return new MailMessages.Recipient(SAMPLES.get(language).get(2), SAMPLES.get(language).get(1));
    }

    private static byte[] build(MailMessages.Content content, MailMessages.Recipient recipient) {
        return MailMessages.bytes(MailMessages.message(content, recipient));
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(PARSER, new ByteArrayInputStream(bytes));
    }

    private static String headerBlock(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1); // one char per octet
        int end = all.indexOf("\r\n\r\n");
        assertThat(end).as("a blank line ends the header block").isPositive();
        return all.substring(0, end);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void theBodyIsTextThenHtmlBothUtf8(String language) throws Exception {
        MimeMessage parsed = parse(build(content(language), subscriber(language)));

        assertThat(new ContentType(parsed.getContentType()).getBaseType()).isEqualTo("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) parsed.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        ContentType text = new ContentType(parts.getBodyPart(0).getContentType());
        ContentType html = new ContentType(parts.getBodyPart(1).getContentType());
        assertThat(text.getBaseType()).isEqualTo("text/plain");
        assertThat(text.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        assertThat(html.getBaseType()).isEqualTo("text/html");
        assertThat(html.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        // The bodies come back as given, line ends made canonical (CRLF).
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(content(language).text().replace("\n", "\r\n"));
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(content(language).html().replace("\n", "\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void subjectDisplayNamesAndListNameDecodeToTheInput(String language) throws Exception {
        MimeMessage parsed = parse(build(content(language), subscriber(language)));

        assertThat(parsed.getSubject()).isEqualTo(SAMPLES.get(language).get(0));
        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo(MORNING.language(language).from().name());
        assertThat(from.getAddress()).isEqualTo("morning@briefs.example.org");
        InternetAddress to = (InternetAddress) parsed.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo(SAMPLES.get(language).get(1));
        assertThat(to.getAddress()).isEqualTo(SAMPLES.get(language).get(2));
        // RFC 2919: phrase, then the list label in angle brackets.
        InternetAddress listId = new InternetAddress(MimeUtility.unfold(parsed.getHeader("List-Id", null)), false);
        assertThat(listId.getPersonal()).isEqualTo(MORNING.language(language).title());
        assertThat(listId.getAddress()).isEqualTo("morning.briefs.example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void everyHeaderLineIsAsciiAndAtMost998Octets(String language) throws Exception {
        // Long enough that Jakarta Mail must fold the Subject and the To name over several lines.
        String subject = (SAMPLES.get(language).get(0) + " ").repeat(12).strip();
        String name = (SAMPLES.get(language).get(1) + " ").repeat(20).strip();
        byte[] bytes = build(content(language, subject), new MailMessages.Recipient("reader@example.org", name));

        String header = headerBlock(bytes);
        for (int i = 0; i < header.length(); i++) {
            assertThat((int) header.charAt(i)).as("octet %d of the header block", i).isBetween(1, 127);
        }
        List<String> lines = List.of(header.split("\r\n", -1));
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(MailMessages.MAX_LINE));
        assertThat(lines).as("a header that long is folded").anyMatch(line -> line.startsWith(" ") || line.startsWith("\t"));
        MimeMessage parsed = parse(bytes);
        assertThat(parsed.getSubject()).isEqualTo(subject);
        assertThat(((InternetAddress) parsed.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal()).isEqualTo(name);
    }

    @Test
    void everyLineOfTheMessageEndsInCrlf() {
        String all = new String(build(content("ru"), subscriber("ru")), StandardCharsets.ISO_8859_1);
        assertThat(all).contains("\r\n");
        assertThat(all.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void theUnsubscribeHeadersAreOneClickWithTheAddressFilledIn() throws Exception {
        MimeMessage parsed = parse(build(content("hy"), new MailMessages.Recipient("ani+news@example.am", "Անի")));

        assertThat(parsed.getHeader("List-Unsubscribe"))
                .containsExactly("<https://briefs.example.org/unsubscribe?list=morning.briefs.example.org&address=ani%2Bnews%40example.am>");
        assertThat(parsed.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(MailMessages.unsubscribeUri(MORNING, "a b&c=d@example.org"))
                .isEqualTo("https://briefs.example.org/unsubscribe?list=morning.briefs.example.org&address=a+b%26c%3Dd%40example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void contentLanguageIsTheLanguageTag(String language) throws Exception {
        assertThat(parse(build(content(language), subscriber(language))).getHeader("Content-Language")).containsExactly(language);
    }

    static Stream<Arguments> zones() {
        return Stream.of(
                Arguments.of("hy", "Sat, 9 Aug 2025 06:00:00 +0400", ZoneOffset.ofHours(4)),
                Arguments.of("az", "Sat, 9 Aug 2025 06:00:00 +0400", ZoneOffset.ofHours(4)),
                Arguments.of("ru", "Sat, 9 Aug 2025 05:00:00 +0300", ZoneOffset.ofHours(3)),
                Arguments.of("en", "Fri, 8 Aug 2025 22:00:00 -0400", ZoneOffset.ofHours(-4)));
    }

    @ParameterizedTest
    @MethodSource("zones")
    void theDateIsTheEditionsMomentInTheLanguagesZone(String language, String expected, ZoneOffset offset) throws Exception {
        MimeMessage parsed = parse(build(content(language), subscriber(language)));

        String date = parsed.getHeader("Date", null);
        assertThat(date).isEqualTo(expected);
        OffsetDateTime read = OffsetDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(read.toInstant()).isEqualTo(AT);
        assertThat(read.getOffset()).isEqualTo(offset);
        assertThat(parsed.getSentDate()).isEqualTo(Date.from(AT));
    }

    @Test
    void theDateOffsetFollowsDaylightSavingTime() {
        Instant january = Instant.parse("2026-01-10T03:00:00Z");
        Edition winter = new Edition("morning", 8, january, List.of(), false);
        MimeMessage message = MailMessages.message(
                new MailMessages.Content(MORNING, winter, "en", "Winter", "", "<p>x</p>", "x"), subscriber("en"));
        assertThat(headerBlock(MailMessages.bytes(message)).split("\r\n")).contains("Date: Fri, 9 Jan 2026 22:00:00 -0500");
    }

    @Test
    void theMessageIdIsStableAndDiffersPerAddressAndLanguage() throws Exception {
        String ani = MailMessages.messageId(MORNING, EDITION, "hy", "ani@example.am");
        assertThat(ani).matches("<edition-7\\.hy\\.[0-9a-f]{16}@morning\\.briefs\\.example\\.org>");
        assertThat(MailMessages.messageId(MORNING, EDITION, "hy", "ani@example.am")).isEqualTo(ani);
        assertThat(MailMessages.messageId(MORNING, EDITION, "hy", "ANI@Example.AM")).as("case of an address").isEqualTo(ani);
        assertThat(MailMessages.messageId(MORNING, EDITION, "hy", "aram@example.am")).isNotEqualTo(ani);
        assertThat(MailMessages.messageId(MORNING, EDITION, "ru", "ani@example.am")).isNotEqualTo(ani);
        assertThat(MailMessages.messageId(MORNING, EDITION, "hy", null)).isEqualTo("<edition-7.hy.list@morning.briefs.example.org>");

        // The message carries it, through saveChanges and a second write.
        MimeMessage message = MailMessages.message(content("hy"), new MailMessages.Recipient("ani@example.am", "Անի"));
        message.saveChanges();
        assertThat(parse(MailMessages.bytes(message)).getMessageID()).isEqualTo(ani);
        assertThat(parse(build(content("hy"), new MailMessages.Recipient("aram@example.am", null))).getMessageID())
                .isEqualTo(MailMessages.messageId(MORNING, EDITION, "hy", "aram@example.am"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void buildingTwiceGivesTheSameBytes(String language) {
        byte[] first = build(content(language), subscriber(language));
        byte[] second = build(content(language), subscriber(language));
        assertThat(second).isEqualTo(first);
        MimeMessage message = MailMessages.message(content(language), subscriber(language));
        assertThat(MailMessages.bytes(message)).isEqualTo(MailMessages.bytes(message)).isEqualTo(first);
        assertThat(headerBlock(first)).doesNotContainIgnoringCase("X-Mailer");
    }

    @Test
    void theBoundaryComesFromTheBodies() throws Exception {
        String boundary = new ContentType(parse(build(content("ru"), subscriber("ru"))).getContentType()).getParameter("boundary");
        assertThat(boundary).startsWith("=_newsbrief_");
        String other = new ContentType(parse(build(content("ru", "Другая тема"), subscriber("ru"))).getContentType())
                .getParameter("boundary");
        assertThat(other).isNotEqualTo(boundary);
    }

    @Test
    void theArchiveCopyIsAddressedToTheSender() throws Exception {
        MimeMessage parsed = parse(build(content("az"), MailMessages.Recipient.ARCHIVE));

        InternetAddress to = (InternetAddress) parsed.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("morning@briefs.example.org");
        assertThat(to.getPersonal()).isEqualTo("Səhər bülleteni");
        assertThat(parsed.getMessageID()).isEqualTo("<edition-7.az.list@morning.briefs.example.org>");
        assertThat(parsed.getHeader("List-Unsubscribe"))
                .containsExactly("<https://briefs.example.org/unsubscribe?list=morning.briefs.example.org&address=>");
    }

    /** Where a header value comes from, and how to put a hostile value there. */
    static Stream<Arguments> headerSources() {
        String evil = "x\r\nBcc: victim@example.org";
        return Stream.of(
                source("Subject", (c, r) -> build(new MailMessages.Content(MORNING, EDITION, "hy", "Տեղեկագիր" + evil, "", "<p/>", "t"), r)),
                source("To", (c, r) -> build(c, new MailMessages.Recipient("ani@example.am", "Անի" + evil))),
                source("To", (c, r) -> build(c, new MailMessages.Recipient("ani@example.am\nBcc: victim@example.org", "Անի"))),
                source("From", (c, r) -> build(withLanguage(c, l -> new Newsletter.Language(l.tag(), l.title(),
                        new Newsletter.Sender(l.from().name() + evil, l.from().address()), l.zone(), l.subscribers())), r)),
                source("From", (c, r) -> build(withLanguage(c, l -> new Newsletter.Language(l.tag(), l.title(),
                        new Newsletter.Sender(l.from().name(), "morning@briefs.example.org\r\nBcc: v@example.org"), l.zone(),
                        l.subscribers())), r)),
                source("List-Id", (c, r) -> build(withLanguage(c, l -> new Newsletter.Language(l.tag(), l.title() + evil,
                        l.from(), l.zone(), l.subscribers())), r)),
                source("List-Unsubscribe", (c, r) -> build(withNewsletter(c, n -> new Newsletter(n.name(), n.file(), n.list(), n.web(),
                        n.unsubscribe() + evil, n.stories(), n.schedule(), n.delivery(), n.languages())), r)));
    }

    private static Arguments source(String header, java.util.function.BiFunction<MailMessages.Content, MailMessages.Recipient, byte[]> build) {
        return Arguments.of(header, build);
    }

    private static MailMessages.Content withNewsletter(MailMessages.Content c, UnaryOperator<Newsletter> change) {
        return new MailMessages.Content(change.apply(c.newsletter()), c.edition(), c.language(), c.subject(), "", c.html(), c.text());
    }

    private static MailMessages.Content withLanguage(MailMessages.Content c, UnaryOperator<Newsletter.Language> change) {
        return withNewsletter(c, n -> {
            Map<String, Newsletter.Language> languages = new LinkedHashMap<>(n.languages());
            languages.put(c.language(), change.apply(languages.get(c.language())));
            return new Newsletter(n.name(), n.file(), n.list(), n.web(), n.unsubscribe(), n.stories(), n.schedule(), n.delivery(),
                    languages);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerSources")
    void aLineBreakInAnyHeaderValueIsRefused(String header,
                                             java.util.function.BiFunction<MailMessages.Content, MailMessages.Recipient, byte[]> build) {
        assertThatThrownBy(() -> build.apply(content("hy"), subscriber("hy")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line break")
                .hasMessageContaining("in the " + header + " would start a new header")
                .hasMessageNotContaining("\n").hasMessageNotContaining("\r");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\u001b[31m", "\u0000", "\u007f", "\u0085", "\u2028"})
    void otherControlCharactersInTheSubjectAreRefused(String control) {
        assertThatThrownBy(() -> build(content("ru", "Сводка" + control + "дня"), subscriber("ru")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in the Subject");
    }

    @Test
    void aWordTooLongToFoldIsRefusedNotSent() {
        assertThatThrownBy(() -> build(content("en", "A".repeat(1000)), subscriber("en")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Subject")
                .hasMessageContaining("998");
    }

    @Test
    void aMalformedAddressIsRefusedNamingTheHeader() {
        assertThatThrownBy(() -> build(content("en"), new MailMessages.Recipient("not an address", "Jane")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("To address 'not an address'");
    }

    @Test
    void aLanguageTheNewsletterDoesNotGoOutInIsRefused() {
        List<String> tags = new ArrayList<>(MORNING.tags());
        assertThat(tags).doesNotContain("ka");
        assertThatThrownBy(() -> build(content("ka", "სათაური"), subscriber("en")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ka'");
    }

    @Test
    void anEditionOfAnotherNewsletterIsRefused() {
        Edition evening = new Edition("evening", 7, AT, List.of(), false);
        assertThatThrownBy(() -> MailMessages.message(new MailMessages.Content(MORNING, evening, "en", "S", "", "<p/>", "t"),
                subscriber("en")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'evening'").hasMessageContaining("'morning'");
    }

    @Test
    void aLanguageTagThatIsNotBcp47IsRefused() {
        MailMessages.Content content = withNewsletter(content("en"), n -> {
            Map<String, Newsletter.Language> languages = new LinkedHashMap<>(n.languages());
            Newsletter.Language en = languages.get("en");
            languages.put("en_US", new Newsletter.Language("en_US", en.title(), en.from(), en.zone(), en.subscribers()));
            return new Newsletter(n.name(), n.file(), n.list(), n.web(), n.unsubscribe(), n.stories(), n.schedule(), n.delivery(),
                    languages);
        });
        MailMessages.Content underscore = new MailMessages.Content(content.newsletter(), EDITION, "en_US", "S", "", "<p/>", "t");
        assertThatThrownBy(() -> MailMessages.message(underscore, subscriber("en")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'en_US' is not a BCP 47 language tag");
    }

    /** The returned message is already saved: a transport or a store reads its final headers without writing it first. */
    @Test
    void theMessageComesBackSaved() throws Exception {
        MimeMessage message = MailMessages.message(content("hy"), subscriber("hy"));
        assertThat(message.getMessageID()).isEqualTo(MailMessages.messageId(MORNING, EDITION, "hy", SAMPLES.get("hy").get(2)));
        assertThat(message.getHeader("MIME-Version", null)).isEqualTo("1.0");
        assertThat(new ContentType(message.getContentType()).getBaseType()).isEqualTo("multipart/alternative");
    }

    /** A subscriber without a (or with a blank) display name is addressed by the bare address. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.NullSource
    @ValueSource(strings = {"", "  "})
    void aRecipientWithoutANameGetsTheBareAddress(String name) throws Exception {
        MimeMessage parsed = parse(build(content("en"), new MailMessages.Recipient("jane@example.org", name)));
        InternetAddress to = (InternetAddress) parsed.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("jane@example.org");
        assertThat(to.getPersonal()).isNull();
        assertThat(parsed.getHeader("To", null)).isEqualTo("jane@example.org");
    }

    @Test
    void aMissingHeaderValueIsNamedInTheError() {
        assertThatThrownBy(() -> MailMessages.refuseControls("List-Id", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("The List-Id value must not be null");
    }

    /** Each character that can end a header line is reported as a line break, not merely as a control character. */
    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\u0085", "\u2028", "\u2029"})
    void everyLineEndingCharacterIsCalledALineBreak(String lineEnd) {
        assertThatThrownBy(() -> build(content("ru", "Сводка" + lineEnd + "дня"), subscriber("ru")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.format("a line break (U+%04X) in the Subject", (int) lineEnd.charAt(0)));
    }

    /** 998 octets is the limit itself (RFC 5322 §2.1.1): a header line of exactly 998 goes out, one more is refused. */
    @Test
    void aHeaderLineOfExactly998OctetsIsAllowed() {
        byte[] bytes = build(content("en", "A".repeat(MailMessages.MAX_LINE - "Subject: ".length())), subscriber("en"));
        assertThat(headerBlock(bytes).split("\r\n")).anySatisfy(line -> assertThat(line).hasSize(MailMessages.MAX_LINE));
        assertThatThrownBy(() -> build(content("en", "A".repeat(MailMessages.MAX_LINE - "Subject: ".length() + 1)), subscriber("en")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("998");
    }

    /** Headers Jakarta Mail does not encode (the list name in Message-ID and List-Id) must be ASCII already. */
    @Test
    void aNonAsciiListNameIsRefusedNotSentRaw() {
        MailMessages.Content content = withNewsletter(content("ru"), n -> new Newsletter(n.name(), n.file(), "утро.example.org", n.web(),
                n.unsubscribe(), n.stories(), n.schedule(), n.delivery(), n.languages()));
        assertThatThrownBy(() -> build(content, subscriber("ru")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Message-ID header holds a character that is not printable ASCII");
    }

    /** '~' (0x7E) is the last printable ASCII character: an unsubscribe path may hold it. */
    @Test
    void aTildeInAHeaderIsPrintableAscii() throws Exception {
        MailMessages.Content content = withNewsletter(content("en"), n -> new Newsletter(n.name(), n.file(), n.list(), n.web(),
                "https://briefs.example.org/~morning/unsubscribe?list={list}&address={address}", n.stories(), n.schedule(),
                n.delivery(), n.languages()));
        assertThat(parse(build(content, subscriber("en"))).getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://briefs.example.org/~morning/unsubscribe?list=morning.briefs.example.org&address=jane%40example.org>");
    }
}
