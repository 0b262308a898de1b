package dev.newsbrief.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The preview server over HTTP: its pages, PDFs, refusals, cache and error page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewServerTest {
    private static final List<String> LANGUAGES = List.of("az", "en", "hy", "ru");
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private ServeFixture fixture;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path temp) {
        fixture = new ServeFixture(temp);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(fixture, path);
    }

    private HttpResponse<String> get(ServeFixture server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} until {@code done} holds, for at most {@link #DEADLINE} (the watcher reports a change within ~100 ms). */
    private HttpResponse<String> getUntil(ServeFixture server, String path, Predicate<HttpResponse<String>> done)
            throws IOException, InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        HttpResponse<String> response = get(server, path);
        while (!done.test(response) && Instant.now().isBefore(end)) {
            Thread.sleep(50);
            response = get(server, path);
        }
        return response;
    }

    @Test
    void theIndexLinksEveryLanguageAndFormatOfEveryStory() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        Document index = Jsoup.parse(response.body());
        List<String> links = index.select("a[href]").eachAttr("href");
        for (String tag : LANGUAGES) {
            assertThat(links).contains("/" + tag + "/" + ServeFixture.STORY + ".html", "/" + tag + "/" + ServeFixture.STORY + ".pdf");
        }
        assertThat(links).contains("/pack/" + ServeFixture.STORY + ".pdf", "/side-by-side/" + ServeFixture.STORY);
        // Every language by its own name, marked with its language.
        assertThat(index.select("th[lang=hy]").text()).startsWith("Հայերեն");
        assertThat(index.select("script").html()).contains("new EventSource(\"/events?since=");
    }

    @Test
    void theSideBySideViewPutsEachPartOfEveryLanguageInOneRow() throws Exception {
        HttpResponse<String> response = get("/side-by-side/" + ServeFixture.STORY);
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        List<Element> rows = page.select("table.side-by-side > tbody > tr");
        List<String> parts = rows.stream().map(row -> row.attr("data-part")).toList();
        assertThat(parts).startsWith("header", "key-facts", "event").contains("people").endsWith("footer");
        for (Element row : rows) {
            assertThat(row.select("> td").eachAttr("lang")).as(row.attr("data-part")).isEqualTo(LANGUAGES);
            assertThat(row.select("> td").eachAttr("dir")).containsOnly("ltr");
        }
        // Each cell holds that language's own part: the headline of each language's brief, in its column.
        for (String tag : LANGUAGES) {
            Document brief = Jsoup.parse(get("/" + tag + "/" + ServeFixture.STORY + ".html").body());
            String headline = brief.selectFirst("article h1").text();
            assertThat(page.selectFirst("tr[data-part=header] td[lang=" + tag + "] h1").text()).isEqualTo(headline);
            assertThat(page.selectFirst("tr[data-part=event] td[lang=" + tag + "] h2").text())
                    .isEqualTo(brief.selectFirst("section[aria-labelledby=event] h2").text());
        }
        assertThat(page.select("thead th[lang=ru]").text()).startsWith("Русский");
    }

    @Test
    void aBriefIsTheBuildsPageWithTheReloadScript() throws Exception {
        HttpResponse<String> response = get("/ru/" + ServeFixture.STORY + ".html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ru");
        assertThat(page.select("nav.languages a").eachAttr("hreflang")).containsExactlyElementsOf(LANGUAGES);
        assertThat(page.select("body > script").last().html()).contains("EventSource");
    }

    @Test
    void pdfsAreServedAsPdf() throws Exception {
        for (String path : List.of("/en/" + ServeFixture.STORY + ".pdf", "/pack/" + ServeFixture.STORY + ".pdf")) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(fixture.url(path))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).as(path).hasValue("application/pdf");
            assertThat(new String(response.body(), 0, 5, StandardCharsets.ISO_8859_1)).as(path).isEqualTo("%PDF-");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/fr/" + ServeFixture.STORY + ".html", "/en/no-such-story.html", "/en/no-such-story.pdf",
        "/pack/" + ServeFixture.STORY + ".html", "/side-by-side/no-such-story", "/en/" + ServeFixture.STORY + ".txt",
        "/en/" + ServeFixture.STORY + ".html/x"})
    void whatThePreviewDoesNotHaveIsNotFound(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select("main code").text()).isEqualTo(path);
    }

    /** Requests written byte for byte (an HTTP client would normalise the dots away before sending them). */
    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/en/../../pom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/en/%2e%2e%2f%2e%2e%2fpom.xml",
        "/side-by-side/..%2f..%2fetc%2fpasswd", "/en/..%5c..%5cpom.xml", "/..;/pom.xml", "/%2e%2e%2fpom.xml"})
    void pathsThatClimbOutAreRefused(String path) throws Exception {
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        int status = Integer.parseInt(response.substring(9, 12));
        assertThat(status).as(response.lines().findFirst().orElse("")).isIn(400, 404);
        assertThat(response).doesNotContain("<project", "root:x:", "<modelVersion>");
    }

    @Test
    void onlyGetAndHead() throws Exception {
        String response = raw("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 405");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(fixture.server.uri().getHost(), fixture.server.uri().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A page is rendered once and served from memory until a watched file changes; then it is
     * rendered again, once. Counted by the render listener, not timed.
     */
    @Test
    void aRenderIsReusedUntilAWatchedFileChanges(@TempDir Path own) throws Exception {
        try (ServeFixture fixture = new ServeFixture(own)) {
        String path = "/az/" + ServeFixture.STORY + ".html";
        String first = article(get(fixture, path));
        get(fixture, path);
        get(fixture, "/side-by-side/" + ServeFixture.STORY);
        assertThat(fixture.rendersOf("az/" + ServeFixture.STORY + ".html")).isEqualTo(1);

        fixture.writeRussianMessages("label:\n  skipToContent: \"Сразу к тексту\"\n");
        // The switcher and the typesetting of every page may use any language: all are rendered again.
        HttpResponse<String> again = getUntil(fixture, path, response -> fixture.rendersOf("az/" + ServeFixture.STORY + ".html") > 1);
        assertThat(fixture.rendersOf("az/" + ServeFixture.STORY + ".html")).isEqualTo(2);
        assertThat(article(again)).isEqualTo(first);
        get(fixture, path);
        assertThat(fixture.rendersOf("az/" + ServeFixture.STORY + ".html")).isEqualTo(2);
        HttpResponse<String> russian = get(fixture, "/ru/" + ServeFixture.STORY + ".html");
        assertThat(Jsoup.parse(russian.body()).selectFirst("a.skip").text()).isEqualTo("Сразу к тексту");
        }
    }

    private static String article(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).selectFirst("article").outerHtml();
    }

    /** A broken translation is a 500 page with file, line, column and the offending line under a caret; fixing it brings the page back. */
    @Test
    void aBrokenInputShowsWhereAndComesBackWhenFixed(@TempDir Path own) throws Exception {
        try (ServeFixture fixture = new ServeFixture(own)) {
        String path = "/side-by-side/" + ServeFixture.STORY;
        fixture.writeRussianMessages("label:\n  skipToContent: \"К тексту {oops\"\n");
        HttpResponse<String> broken = getUntil(fixture, path, response -> response.statusCode() == 500);
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        Document page = Jsoup.parse(broken.body());
        Path messages = fixture.translations.resolve("ru/messages.yaml").toAbsolutePath();
        assertThat(page.selectFirst(".error .where").text()).startsWith(messages + ":2:");
        assertThat(page.selectFirst(".error .field").text()).isEqualTo("field: label.skipToContent");
        assertThat(page.selectFirst(".error pre.source").wholeText()).startsWith("  skipToContent: \"К тексту {oops\"\n");
        // The caret stands under the column the error names.
        String where = page.selectFirst(".error .where").text();
        int column = Integer.parseInt(where.substring(where.lastIndexOf(':') + 1));
        assertThat(page.selectFirst(".error .caret").wholeText()).isEqualTo(" ".repeat(column - 1) + "^");
        assertThat(broken.body()).doesNotContain("at dev.newsbrief", "Exception");
        assertThat(page.select("script").html()).contains("EventSource");

        fixture.writeRussianMessages("label:\n  skipToContent: \"К тексту\"\n");
        HttpResponse<String> fixed = getUntil(fixture, path, response -> response.statusCode() == 200);
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(fixed.body()).select("table.side-by-side")).hasSize(1);
        }
    }
}
