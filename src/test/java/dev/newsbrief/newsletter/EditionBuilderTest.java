package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.newsbrief.build.ManifestEntry;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.testing.Smtp;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editions end to end: stories chosen from state, everything published at once, sent once, sealed, the next one numbered on. */
class EditionBuilderTest {
    private static final Path STORIES = Path.of("src/main/resources/stories").toAbsolutePath();
    private static final List<String> NEWEST_FIRST = List.of("armenia-azerbaijan-peace-2025", "india-uk-trade-agreement-2025",
            "israel-lebanon-ceasefire-2024");

    @TempDir
    Path dir;
    private GreenMail greenMail;

    @BeforeEach
    void startSmtp() {
        greenMail = Smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        greenMail.stop();
    }

    private Map<String, String> smtp() {
        return Smtp.environment(greenMail);
    }

    /** The sample newsletter, with {@code max} stories an edition and its own subscriber lists, in the test's folder. */
    private Path newsletter(int max) throws IOException {
        String sample = Files.readString(Path.of("newsletters/morning.yaml"))
                .replace("../src/main/resources/stories", STORIES.toString())
                .replace("max: 3 ", "max: " + max + " ");
        Files.createDirectories(dir.resolve("subscribers"));
        for (String tag : List.of("hy", "az", "ru", "en")) {
            Files.writeString(dir.resolve("subscribers/morning-" + tag + ".csv"),
                    "email,name\none-" + tag + "@example.org,One\ntwo-" + tag + "@example.org,Two\n");
        }
        return Files.writeString(dir.resolve("morning.yaml"), sample);
    }

    private EditionBuilder.Options options() {
        return EditionBuilder.Options.defaults(dir.resolve("out"));
    }

    private FileStore store() {
        return new FileStore(EditionBuilder.defaultStateDirectory(dir.resolve("out")));
    }

    private static Map<String, byte[]> files(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out.resolve("newsletters"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void anEditionPublishesItsPagesMessagesAndFeedsWithTheBriefs() throws Exception {
        Path file = newsletter(3);
        EditionBuilder.Result result;
        try (FileStore store = store()) {
            result = new EditionBuilder().run(file, options(), store);
        }
        Edition edition = result.edition().orElseThrow();
        assertThat(edition.number()).isEqualTo(1);
        assertThat(edition.stories()).containsExactlyElementsOf(NEWEST_FIRST);
        // The start of the newest story's publication day in its own zone (Washington): never the clock.
        assertThat(edition.at()).isEqualTo(Instant.parse("2025-08-08T04:00:00Z"));
        assertThat(result.sealed()).isFalse();
        Path out = dir.resolve("out");
        for (String tag : List.of("hy", "az", "ru", "en")) {
            for (String name : List.of("1.html", "1.email.html", "1.txt", "1.eml", "index.html", "feed.atom")) {
                assertThat(out.resolve("newsletters/morning/" + tag + "/" + name)).isRegularFile();
            }
            for (String id : NEWEST_FIRST) {
                assertThat(out.resolve(tag + "/" + id + ".html")).isRegularFile();
                assertThat(out.resolve(tag + "/" + id + ".pdf")).isRegularFile();
            }
        }
        assertThat(out.resolve("newsletters/morning/feed.atom")).isRegularFile();
        assertThat(result.build().manifest()).extracting(ManifestEntry::path).contains("newsletters/morning/hy/1.eml");
        // The email's story links point at the briefs this very release published.
        var email = Jsoup.parse(out.resolve("newsletters/morning/ru/1.email.html").toFile(), "UTF-8");
        assertThat(email.select("a[href$=.html]").eachAttr("href"))
                .contains("https://briefs.example.org/ru/" + NEWEST_FIRST.get(0) + ".html");
        // Each language's message, as published: parts, decoded subject, ASCII headers, unsubscribe headers.
        Map<String, String> scripts = Map.of("hy", "\\p{IsArmenian}", "ru", "\\p{IsCyrillic}", "az", "[əğıİşçöü]", "en", "Morning");
        for (String tag : List.of("hy", "az", "ru", "en")) {
            Path eml = out.resolve("newsletters/morning/" + tag + "/1.eml");
            byte[] raw = Files.readAllBytes(eml);
            String head = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
            assertThat(head.chars()).as(tag + " header bytes").allMatch(c -> c < 128);
            assertThat(head.split("\r\n")).as(tag).allMatch(line -> line.length() <= 998);
            MimeMessage message = new MimeMessage(null, new java.io.ByteArrayInputStream(raw));
            assertThat(message.getSubject()).as(tag).containsPattern(scripts.get(tag)).contains("1");
            assertThat(message.getHeader("Content-Language")).containsExactly(tag);
            assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            assertThat(message.getHeader("List-Unsubscribe")[0]).startsWith("<https://briefs.example.org/unsubscribe?list=morning.briefs.example.org");
            var parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
            assertThat(parts.getContentType()).startsWith("multipart/alternative");
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
            assertThat((String) parts.getBodyPart(1).getContent())
                    .isEqualTo(Files.readString(out.resolve("newsletters/morning/" + tag + "/1.email.html")).replace("\n", "\r\n"));
        }
    }

    @Test
    void anOpenEditionIsBuiltAgainByteForByteAndThenIsUpToDate() throws Exception {
        Path file = newsletter(2);
        try (FileStore store = store()) {
            new EditionBuilder().run(file, options(), store);
        }
        Map<String, byte[]> first = files(dir.resolve("out"));
        EditionBuilder.Result again;
        try (FileStore store = store()) {
            // Even when asked for another moment: the open edition keeps its own.
            again = new EditionBuilder().run(file, options().withAt(Optional.of(Instant.parse("2030-01-01T00:00:00Z"))), store);
        }
        assertThat(again.edition().orElseThrow().number()).isEqualTo(1);
        assertThat(again.build().upToDate()).isTrue();
        assertThat(again.summary()).contains("up to date");
        Map<String, byte[]> second = files(dir.resolve("out"));
        assertThat(second.keySet()).isEqualTo(first.keySet());
        second.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(first.get(path)));

        // Rebuilt from nothing, with the same state: the same bytes.
        Path copyState = dir.resolve("state-copy");
        copy(EditionBuilder.defaultStateDirectory(dir.resolve("out")), copyState);
        Path fresh = dir.resolve("fresh");
        copy(copyState, EditionBuilder.defaultStateDirectory(fresh));
        try (FileStore store = new FileStore(EditionBuilder.defaultStateDirectory(fresh))) {
            new EditionBuilder().run(file, EditionBuilder.Options.defaults(fresh), store);
        }
        Map<String, byte[]> rebuilt = files(fresh);
        assertThat(rebuilt.keySet()).isEqualTo(first.keySet());
        rebuilt.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(first.get(path)));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals("lock")) {
                    Files.copy(path, target);
                }
            }
        }
    }

    @Test
    void sendingDeliversOncePerSubscriberSealsAndTheNextEditionTakesTheNextStories() throws Exception {
        Path file = newsletter(1);
        List<String> summaries = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            try (FileStore store = store()) {
                EditionBuilder.Result result = new EditionBuilder().run(file,
                        options().withSend(true, smtp()).withAt(Optional.of(Instant.parse("2025-08-1" + run + "T06:00:00Z"))), store);
                summaries.add(result.summary());
                if (run < 3) {
                    assertThat(result.sealed()).as(result.summary()).isTrue();
                    assertThat(result.edition().orElseThrow().stories()).containsExactly(NEWEST_FIRST.get(run));
                    assertThat(result.edition().orElseThrow().number()).isEqualTo(run + 1);
                } else {
                    assertThat(result.edition()).as("every story went out").isEmpty();
                }
            }
        }
        assertThat(summaries.get(3)).startsWith("morning: nothing new to send");
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(3 * 8);
        Map<String, Integer> perRecipient = new TreeMap<>();
        for (MimeMessage message : received) {
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                perRecipient.merge(((jakarta.mail.internet.InternetAddress) to).getAddress(), 1, Integer::sum);
            }
        }
        assertThat(perRecipient).hasSize(8).allSatisfy((address, count) -> assertThat(count).as(address).isEqualTo(3));

        // The archive lists the three editions, newest first; the feed has them too.
        var archive = Jsoup.parse(dir.resolve("out/newsletters/morning/en/index.html").toFile(), "UTF-8");
        assertThat(archive.select("a[href]").eachAttr("href")).containsSubsequence("3.html", "2.html", "1.html");
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(dir.resolve("out/newsletters/morning/en/feed.atom").toFile()));
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactly(
                "https://briefs.example.org/newsletters/morning/en/3.html", "https://briefs.example.org/newsletters/morning/en/2.html",
                "https://briefs.example.org/newsletters/morning/en/1.html");
        SyndFeed all = new SyndFeedInput().build(new XmlReader(dir.resolve("out/newsletters/morning/feed.atom").toFile()));
        assertThat(all.getEntries()).hasSize(12);
    }

    @Test
    void aResentRunSendsNothingTwice() throws Exception {
        Path file = newsletter(3);
        try (FileStore store = store()) {
            new EditionBuilder().run(file, options().withSend(true, smtp()), store);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(8);
        // The edition is sealed: a run finds nothing new, sends nothing.
        try (FileStore store = store()) {
            assertThat(new EditionBuilder().run(file, options().withSend(true, smtp()), store).edition()).isEmpty();
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(8);
    }

    /** A morning whose mail server was down: the edition stays open; the next run sends it first, then the edition due. */
    @Test
    void aRunAfterAnOutageSendsTheLeftOverEditionThenTheOneDue() throws Exception {
        Path file = newsletter(1);
        Files.writeString(file, Files.readString(file).replace("retries: 3 ", "retries: 0 "));
        Map<String, String> smtp = smtp();
        greenMail.stop();
        try (FileStore store = store()) {
            List<EditionBuilder.Result> down = new EditionBuilder().runDue(file, options().withSend(true, smtp),
                    Instant.parse("2025-08-09T02:00:00Z"), store);
            assertThat(down).hasSize(1);
            assertThat(down.get(0).troubled()).isTrue();
            assertThat(down.get(0).sealed()).isFalse();
            assertThat(down.get(0).summary()).contains("deferred 2", "; open");
        }
        greenMail.start();
        try (FileStore store = store()) {
            List<EditionBuilder.Result> next = new EditionBuilder().runDue(file, options().withSend(true, smtp()),
                    Instant.parse("2025-08-10T02:00:00Z"), store);
            assertThat(next).hasSize(2);
            assertThat(next.get(0).edition().orElseThrow().number()).isEqualTo(1);
            assertThat(next.get(0).edition().orElseThrow().at()).isEqualTo(Instant.parse("2025-08-09T02:00:00Z"));
            assertThat(next.get(1).edition().orElseThrow().number()).isEqualTo(2);
            assertThat(next.get(1).edition().orElseThrow().at()).isEqualTo(Instant.parse("2025-08-10T02:00:00Z"));
            assertThat(next).allMatch(EditionBuilder.Result::sealed).noneMatch(EditionBuilder.Result::troubled);
            // The same time again: edition 2 is sealed, so the run makes edition 3, once.
            assertThat(new EditionBuilder().runDue(file, options().withSend(true, smtp()), Instant.parse("2025-08-10T02:00:00Z"), store))
                    .hasSize(1);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(3 * 8);
    }

    @Test
    void sealMarksAnEditionSentWithoutSending() throws Exception {
        Path file = newsletter(2);
        try (FileStore store = store()) {
            assertThat(new EditionBuilder().run(file, options().withSeal(true), store).sealed()).isTrue();
            EditionBuilder.Result next = new EditionBuilder().run(file, options(), store);
            assertThat(next.edition().orElseThrow().number()).isEqualTo(2);
            assertThat(next.edition().orElseThrow().stories()).containsExactly(NEWEST_FIRST.get(2));
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    /** Bad SMTP settings or subscriber lists stop the run before anything is built or recorded. */
    @Test
    void sendingProblemsAreFoundBeforeBuilding() throws Exception {
        Path file = newsletter(2);
        try (FileStore store = store()) {
            assertThatThrownBy(() -> new EditionBuilder().run(file, options().withSend(true, Map.of()), store))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("NEWSBRIEF_SMTP_HOST");
            Files.writeString(dir.resolve("subscribers/morning-az.csv"), "email\nnot an address\n");
            assertThatThrownBy(() -> new EditionBuilder().run(file, options().withSend(true, smtp()), store))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("morning-az.csv");
            assertThat(store.editions("morning")).isEmpty();
        }
        assertThat(dir.resolve("out/newsletters")).doesNotExist();
    }

    @Test
    void aStoryAnOpenEditionNeedsMustStillBeThere() throws Exception {
        Path stories = Files.createDirectories(dir.resolve("stories"));
        copy(STORIES.resolve(NEWEST_FIRST.get(2)), stories.resolve(NEWEST_FIRST.get(2)));
        Path file = newsletter(2);
        Files.writeString(file, Files.readString(file).replace(STORIES.toString(), stories.toString()));
        try (FileStore store = store()) {
            new EditionBuilder().run(file, options(), store);
            deleteTree(stories.resolve(NEWEST_FIRST.get(2)));
            assertThatThrownBy(() -> new EditionBuilder().run(file, options(), store))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("edition 1 lists story '" + NEWEST_FIRST.get(2) + "', which is no longer in");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
