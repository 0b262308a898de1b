package dev.newsbrief.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.BuildOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The Greek fixture language (translations by files only) is served like the four shipped ones. */
class FifthLanguageServeTest {
    private static final String STORY = Fixtures.DEFAULT_ID;

    @Test
    void theIndexTheBriefAndTheSideBySideViewIncludeGreek() throws Exception {
        BuildOptions options = BuildOptions.defaults()
                .withTranslations(Fixtures.fixture("el/translations"))
                .withStories(List.of(Fixtures.fixture("el/stories/" + STORY)));
        HttpClient http = HttpClient.newHttpClient();
        try (PreviewServer server = PreviewServer.start(options, "127.0.0.1", 0, path -> { })) {
            Document index = Jsoup.parse(get(http, server.uri().resolve("/")).body());
            assertThat(index.select("a[href=/el/" + STORY + ".html]")).hasSize(1);
            assertThat(index.select("a[href=/el/" + STORY + ".pdf]")).hasSize(1);

            HttpResponse<String> brief = get(http, server.uri().resolve("/el/" + STORY + ".html"));
            assertThat(brief.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(brief.body()).select("h1").text())
                    .isEqualTo("Αρμενία και Αζερμπαϊτζάν υπογράφουν ειρηνευτική συμφωνία στον Λευκό Οίκο");

            Document sideBySide = Jsoup.parse(get(http, server.uri().resolve("/side-by-side/" + STORY)).body());
            assertThat(sideBySide.select("td[lang=el] h1").text())
                    .isEqualTo("Αρμενία και Αζερμπαϊτζάν υπογράφουν ειρηνευτική συμφωνία στον Λευκό Οίκο");
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
