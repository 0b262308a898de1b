package dev.newsbrief.newsletter;

import dev.newsbrief.model.InvalidInputException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One edition in one language as an RFC 5322 message, built with Jakarta Mail (Eclipse Angus):
 * {@code multipart/alternative} with {@code text/plain} then {@code text/html}, both UTF-8.
 *
 * <p>The same inputs always give the same bytes: the {@code Date} is the edition's moment in
 * the language's zone, the {@code Message-ID} is derived from edition, language and address, and
 * the multipart boundary from the bodies. Header values are never concatenated by hand where
 * Jakarta Mail can encode them: the subject and display names are RFC 2047 encoded words, folded
 * by Jakarta Mail. A line break or other control character in any header value is refused
 * ({@link IllegalArgumentException} naming the header), so a subscriber's name cannot add
 * headers; every header line of a built message is ASCII and at most 998 octets, or it is refused.
 */
public final class MailMessages {
    /** RFC 5322 section 2.1.1: a line is at most 998 octets without its CRLF. */
    static final int MAX_LINE = 998;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*");
    /** Hex digits of the address's SHA-256 in a Message-ID: 64 bits, unique enough within one list and edition. */
    private static final int HASH_HEX = 16;
    /**
     * RFC 5322 date-time, spelled out so that no locale data can change a day or month name
     * (CLDR's English has changed "Sep" to "Sept" before); the offset is always numeric, never "GMT".
     */
    private static final DateTimeFormatter RFC_5322_DATE = new DateTimeFormatterBuilder()
            .appendText(ChronoField.DAY_OF_WEEK, Map.of(1L, "Mon", 2L, "Tue", 3L, "Wed", 4L, "Thu", 5L, "Fri", 6L, "Sat", 7L, "Sun"))
            .appendLiteral(", ")
            .appendValue(ChronoField.DAY_OF_MONTH)
            .appendLiteral(' ')
            .appendText(ChronoField.MONTH_OF_YEAR, Map.ofEntries(Map.entry(1L, "Jan"), Map.entry(2L, "Feb"), Map.entry(3L, "Mar"),
                    Map.entry(4L, "Apr"), Map.entry(5L, "May"), Map.entry(6L, "Jun"), Map.entry(7L, "Jul"), Map.entry(8L, "Aug"),
                    Map.entry(9L, "Sep"), Map.entry(10L, "Oct"), Map.entry(11L, "Nov"), Map.entry(12L, "Dec")))
            .appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral(' ')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .appendLiteral(' ')
            .appendOffset("+HHMM", "+0000")
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE);
    /**
     * Never connects and has no properties, so nothing in it changes: one for the process is
     * enough (creating one per message would scan the class path for providers each time).
     */
    private static final Session SESSION = Session.getInstance(new Properties());

    private MailMessages() { }

    /**
     * A subscriber, or the list itself for the archived {@code .eml}.
     *
     * @param address the subscriber's address; {@code null} for the archive copy, which is then
     *                addressed {@code To:} the sender itself (so it names no subscriber and still
     *                has a well-formed {@code To}), with {@code list} as the Message-ID's hash part
     * @param name    display name, or {@code null} for none
     */
    public record Recipient(String address, String name) {
        /** The recipient of the archived copy: the list itself. */
        public static final Recipient ARCHIVE = new Recipient(null, null);
    }

    /**
     * Everything one message needs; {@code html} and {@code text} are finished bodies, rendered
     * elsewhere (their line ends become CRLF here).
     *
     * @param language        the BCP 47 tag of one of the newsletter's languages
     * @param preheaderUnused not used here: the preheader is part of the HTML body
     */
    public record Content(Newsletter newsletter, Edition edition, String language, String subject, String preheaderUnused,
                          String html, String text) {
        public Content {
            Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
            Objects.requireNonNull(edition, "The parameter 'edition' must not be null");
            Objects.requireNonNull(language, "The parameter 'language' must not be null");
            Objects.requireNonNull(subject, "The parameter 'subject' must not be null");
            Objects.requireNonNull(html, "The parameter 'html' must not be null");
            Objects.requireNonNull(text, "The parameter 'text' must not be null");
        }
    }

    /**
     * The message for one recipient, saved ({@code saveChanges} done): writing it again gives
     * the same bytes, as does building it again from the same inputs.
     *
     * @throws IllegalArgumentException a header value holds a line break or another control
     *                                  character, an address is malformed, the language is not
     *                                  one of the newsletter's, or a header cannot be folded into
     *                                  998-octet ASCII lines; the message names the header
     */
    public static MimeMessage message(Content content, Recipient recipient) {
        Objects.requireNonNull(content, "The parameter 'content' must not be null");
        Objects.requireNonNull(recipient, "The parameter 'recipient' must not be null");
        Newsletter newsletter = content.newsletter();
        Edition edition = content.edition();
        if (!newsletter.name().equals(edition.newsletter())) {
            throw new IllegalArgumentException("edition " + edition.number() + " belongs to newsletter '" + edition.newsletter()
                    + "', not '" + newsletter.name() + "'");
        }
        Newsletter.Language language = newsletter.language(content.language());
        String tag = refuseControls("Content-Language", language.tag());
        if (!LANGUAGE_TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("the Content-Language '" + InvalidInputException.escape(tag)
                    + "' is not a BCP 47 language tag");
        }
        String messageId = messageId(newsletter, edition, tag, recipient.address());
        try {
            MimeMessage message = new StableMessage(SESSION, messageId);
            message.setHeader("Date", date(edition.at(), language.zone()));
            InternetAddress from = address("From", language.from().address(), language.from().name());
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, recipient.address() == null
                    ? from : address("To", recipient.address(), recipient.name()));
            message.setSubject(refuseControls("Subject", content.subject()), "UTF-8");
            message.setHeader("Content-Language", tag);
            message.setHeader("List-Id", listId(newsletter, language));
            message.setHeader("List-Unsubscribe", "<" + unsubscribeUri(newsletter, recipient.address()) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

            MimeBodyPart text = new MimeBodyPart();
            text.setText(crlf(content.text()), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(crlf(content.html()), "UTF-8", "html");
            MimeMultipart alternative = new StableMultipart(boundary(content.text(), content.html()));
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            checkHeaderLines(message);
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("Jakarta Mail could not build the message " + messageId + ": " + e.getMessage(), e);
        }
    }

    /** The message as RFC 5322 bytes, CRLF line ends; the same message always gives the same bytes. */
    public static byte[] bytes(MimeMessage message) {
        Objects.requireNonNull(message, "The parameter 'message' must not be null");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Jakarta Mail could not write the message: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The stable {@code Message-ID}: {@code <edition-N.lang.HASH@list>}, HASH the first 16 hex
     * digits of the SHA-256 of the address in lower case (so a list that changes an address's
     * case keeps the id), or {@code list} for the archive copy ({@code address} null). Mail
     * clients and the delivery record can tell a resent copy from a new message by it.
     */
    public static String messageId(Newsletter n, Edition e, String language, String address) {
        Objects.requireNonNull(n, "The parameter 'n' must not be null");
        Objects.requireNonNull(e, "The parameter 'e' must not be null");
        Objects.requireNonNull(language, "The parameter 'language' must not be null");
        String hash = address == null ? "list" : sha256Hex(address.toLowerCase(Locale.ROOT)).substring(0, HASH_HEX);
        return "<edition-" + e.number() + "." + refuseControls("Message-ID", language) + "." + hash + "@"
                + refuseControls("Message-ID", n.list()) + ">";
    }

    /**
     * The one-click unsubscribe address: the newsletter's template with {@code {list}} and
     * {@code {address}} filled in, URL-encoded (UTF-8); a null address (the archive copy) fills
     * in nothing. Any non-ASCII left in the template is percent-encoded, as a header needs.
     */
    public static String unsubscribeUri(Newsletter n, String address) {
        Objects.requireNonNull(n, "The parameter 'n' must not be null");
        String template = refuseControls("List-Unsubscribe", n.unsubscribe());
        String filled = template.replace("{list}", URLEncoder.encode(n.list(), StandardCharsets.UTF_8))
                .replace("{address}", address == null ? "" : URLEncoder.encode(address, StandardCharsets.UTF_8));
        try {
            return new URI(filled).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the List-Unsubscribe address '" + InvalidInputException.escape(filled)
                    + "' is not a URI: " + e.getReason());
        }
    }

    /** {@code at} as an RFC 5322 date-time in {@code zone}'s offset at that moment, e.g. {@code Sat, 9 Aug 2025 06:00:00 +0400}. */
    static String date(Instant at, ZoneId zone) {
        return RFC_5322_DATE.format(at.atZone(zone));
    }

    /** RFC 2919: {@code List-Id: <phrase> <list-label>}, the phrase the language's title, RFC 2047-encoded and folded by Jakarta Mail. */
    private static String listId(Newsletter newsletter, Newsletter.Language language) {
        String list = refuseControls("List-Id", newsletter.list());
        String title = refuseControls("List-Id", language.title());
        try {
            // An InternetAddress prints "phrase <label>" with the phrase encoded or quoted as it needs; the label is not an address, so it is not validated.
            InternetAddress phraseAndLabel = new InternetAddress(list, title, "UTF-8");
            return InternetAddress.toString(new Address[] {phraseAndLabel}, "List-Id: ".length());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static InternetAddress address(String header, String address, String name) {
        refuseControls(header, address);
        if (name != null) {
            refuseControls(header, name);
        }
        try {
            InternetAddress mailbox = new InternetAddress(address, name == null || name.isBlank() ? null : name, "UTF-8");
            mailbox.validate();
            return mailbox;
        } catch (AddressException e) {
            throw new IllegalArgumentException("the " + header + " address '" + InvalidInputException.escape(address)
                    + "' is not an email address: " + e.getMessage());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /**
     * {@code value} unchanged, or an {@link IllegalArgumentException} if it holds a character that
     * could end the header line (CR, LF, NEL, U+2028, U+2029) or another control character.
     */
    static String refuseControls(String header, String value) {
        Objects.requireNonNull(value, () -> "The " + header + " value must not be null");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a line break (U+%04X) in the %s would start a new header: '%s'; remove it", (int) c, header,
                        InvalidInputException.escape(value)));
            }
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a control character (U+%04X) in the %s is not allowed in a header: '%s'; remove it", (int) c, header,
                        InvalidInputException.escape(value)));
            }
        }
        return value;
    }

    /**
     * Every header line ASCII and at most 998 octets. Jakarta Mail encodes non-ASCII and folds at
     * spaces, but leaves an ASCII word longer than a line as it is: refuse that rather than send it.
     */
    private static void checkHeaderLines(MimeMessage message) throws MessagingException {
        Enumeration<String> headers = message.getAllHeaderLines();
        while (headers.hasMoreElements()) {
            String header = headers.nextElement();
            String name = header.substring(0, Math.max(0, header.indexOf(':')));
            for (String line : header.split("\r\n", -1)) {
                if (line.length() > MAX_LINE) {
                    throw new IllegalArgumentException("the " + name + " holds a word too long to fold into header lines of at most "
                            + MAX_LINE + " octets; shorten it");
                }
                for (int i = 0; i < line.length(); i++) {
                    if (line.charAt(i) > 0x7e || (line.charAt(i) < 0x20 && line.charAt(i) != '\t')) {
                        throw new IllegalArgumentException("the " + name + " header holds a character that is not printable ASCII: '"
                                + InvalidInputException.escape(line) + "'");
                    }
                }
            }
        }
    }

    /** Canonical MIME text: CRLF line ends, whatever the renderer produced. */
    private static String crlf(String body) {
        return body.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    /**
     * A boundary from the bodies' hash: the same bodies give the same boundary, and a hash of a
     * body cannot occur in it. "=_" cannot occur in quoted-printable or base64 output either.
     */
    private static String boundary(String text, String html) {
        return "=_newsbrief_" + sha256Hex(text + "\u0000" + html).substring(0, 32);
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A message whose Message-ID stays as given: {@code saveChanges} would otherwise put a random one in. */
    private static final class StableMessage extends MimeMessage {
        private final String messageId;

        StableMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** {@code multipart/alternative} with a given boundary instead of Jakarta Mail's time- and counter-based one. */
    private static final class StableMultipart extends MimeMultipart {
        StableMultipart(String boundary) throws MessagingException {
            super("alternative");
            ContentType type = new ContentType(contentType);
            type.setParameter("boundary", boundary);
            contentType = type.toString();
        }
    }
}
