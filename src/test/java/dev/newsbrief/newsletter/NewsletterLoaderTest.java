package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** newsletters/<name>.yaml: the sample loads as written; every bad value is reported at its line and field. */
class NewsletterLoaderTest {
    private static final String VALID = """
            list: morning.briefs.example.org
            web: https://briefs.example.org
            unsubscribe: https://briefs.example.org/u?list={list}&address={address}
            stories: {folder: stories, max: 2}
            schedule: {cron: "0 0 6 * * ?", zone: Asia/Yerevan}
            delivery: {rate: 5, retries: 2}
            languages:
              ru:
                title: Утренняя сводка
                from: {name: Утренняя сводка, address: morning@briefs.example.org}
                zone: Europe/Moscow
                subscribers: ru.csv
              en:
                title: The Morning Brief
                from: {name: The Morning Brief, address: morning@briefs.example.org}
                zone: America/New_York
            """;

    private static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir.resolve("stories"));
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theSampleNewsletterLoads() {
        Newsletter sample = new NewsletterLoader().load(Path.of("newsletters/morning.yaml"));
        assertThat(sample.name()).isEqualTo("morning");
        assertThat(sample.tags()).containsExactly("hy", "az", "ru", "en");
        assertThat(sample.language("az").zone()).isEqualTo(ZoneId.of("Asia/Baku"));
        assertThat(sample.language("hy").title()).isEqualTo("Առավոտյան տեղեկագիր");
        assertThat(sample.stories().folder()).isEqualTo(Path.of("src/main/resources/stories").toAbsolutePath());
        assertThat(sample.language("ru").subscribers()).isEqualTo(Path.of("newsletters/subscribers/morning-ru.csv").toAbsolutePath());
        assertThat(sample.schedule().cron()).isEqualTo("0 0 6 * * ?");
    }

    @Test
    void valuesAreReadAndPathsAreRelativeToTheFile(@TempDir Path dir) throws IOException {
        Newsletter newsletter = new NewsletterLoader().load(write(dir, "daily-brief.yaml", VALID));
        assertThat(newsletter.name()).isEqualTo("daily-brief");
        assertThat(newsletter.web()).isEqualTo(URI.create("https://briefs.example.org/"));
        assertThat(newsletter.stories()).isEqualTo(new Newsletter.Stories(dir.resolve("stories").toAbsolutePath(), 2));
        assertThat(newsletter.delivery()).isEqualTo(new Newsletter.Delivery(5, 2));
        assertThat(newsletter.schedule()).isEqualTo(new Newsletter.Schedule("0 0 6 * * ?", ZoneId.of("Asia/Yerevan")));
        assertThat(newsletter.tags()).containsExactly("ru", "en");
        assertThat(newsletter.language("ru").from()).isEqualTo(new Newsletter.Sender("Утренняя сводка", "morning@briefs.example.org"));
        assertThat(newsletter.language("ru").subscribers()).isEqualTo(dir.resolve("ru.csv").toAbsolutePath());
        assertThat(newsletter.language("en").subscribers()).isNull();
        assertThatThrownBy(() -> newsletter.language("az")).hasMessageContaining("does not go out in 'az'");
    }

    @Test
    void defaultsApplyWhenLeftOut(@TempDir Path dir) throws IOException {
        String text = VALID.replace("delivery: {rate: 5, retries: 2}\n", "").replace("stories: {folder: stories, max: 2}",
                "stories: {folder: stories}").replace("schedule: {cron: \"0 0 6 * * ?\", zone: Asia/Yerevan}\n", "");
        Newsletter newsletter = new NewsletterLoader().load(write(dir, "n.yaml", text));
        assertThat(newsletter.delivery()).isEqualTo(Newsletter.Delivery.DEFAULT);
        assertThat(newsletter.stories().max()).isEqualTo(5);
        assertThat(newsletter.schedule()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "list: morning.briefs.example.org|list: Morning Brief|1:7: list: 'Morning Brief' is not a list id",
        "web: https://briefs.example.org|web: ftp://briefs.example.org|2:6: web: 'ftp://briefs.example.org' must be an absolute http or https address",
        "unsubscribe: https://briefs.example.org/u?list={list}&address={address}|unsubscribe: https://briefs.example.org/u|3:14: unsubscribe: the unsubscribe address must contain {address}",
        "unsubscribe: https://briefs.example.org/u?list={list}&address={address}|unsubscribe: http://x.org/u?a={address}|3:14: unsubscribe: 'http://x.org/u?a=address' must be an absolute https address",
        "max: 2|max: 0|4:33: stories.max: an edition takes 1 to 50 stories; found 0",
        "folder: stories|folder: missing|4:19: stories.folder: no such folder",
        "cron: \"0 0 6 * * ?\"|cron: \"0 0 25 * * ?\"|5:18: schedule.cron: '0 0 25 * * ?' is not a Quartz cron expression",
        "zone: Asia/Yerevan|zone: Mars/Olympus|5:",
        "rate: 5|rate: 0|6:18: delivery.rate: messages per second must be more than 0",
        "retries: 2|retries: 11|6:30: delivery.retries: retries must be 0 to 10; found 11",
        "  ru:|  RU:|9:5: languages.RU: 'RU' is written differently from its BCP 47 form; write 'ru'",
        "title: Утренняя сводка|title: \"Утренняя\\r\\nBcc: x@y.z\"|9:12: languages.ru.title: must be one line without control characters",
        "address: morning@briefs.example.org}|address: not-an-address}|10:44: languages.ru.from.address: 'not-an-address' is not an email address",
        "zone: Europe/Moscow|colour: blue|9:5: languages.ru.zone: required field 'zone' is missing in 'languages.ru'; add it",
        "list: morning.briefs.example.org|list: morning.briefs.example.org\\nlist: again.example.org|2:1: ",
        "max: 2|max: 51|4:33: stories.max: an edition takes 1 to 50 stories; found 51",
        "rate: 5|rate: 1000.5|6:18: delivery.rate: messages per second must be more than 0 and at most 1000; found 1000.5",
        "retries: 2|retries: -1|6:30: delivery.retries: retries must be 0 to 10; found -1",
        "web: https://briefs.example.org|web: briefs.example.org|2:6: web: 'briefs.example.org' must be an absolute http or https address",
        "web: https://briefs.example.org|web: https:briefs.example.org|2:6: web: 'https:briefs.example.org' must be an absolute http or https address",
        "title: Утренняя сводка|title: \"  \"|9:12: languages.ru.title: must not be empty",
        "title: Утренняя сводка|title: \"Утренняя\\u0007сводка\"|9:12: languages.ru.title: must be one line without control characters",
    })
    void aBadValueIsReportedAtItsLineAndField(String from, String to, String expected, @TempDir Path dir) throws IOException {
        String text = VALID.replace(from, to.replace("\\n", "\n"));
        assertThat(text).as("the test's replacement applies").isNotEqualTo(VALID);
        Path file = write(dir, "n.yaml", text);
        assertThatThrownBy(() -> new NewsletterLoader().load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + ":" + expected);
    }

    /** The limits are inclusive, a left-out rate or retry count takes its default, and the web address may be plain http. */
    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', value = {
        "max: 2|max: 1|1|5|2|https://briefs.example.org/",
        "max: 2|max: 50|50|5|2|https://briefs.example.org/",
        "rate: 5|rate: 1000|2|1000|2|https://briefs.example.org/",
        "retries: 2|retries: 0|2|5|0|https://briefs.example.org/",
        "retries: 2|retries: 10|2|5|10|https://briefs.example.org/",
        "'rate: 5, '|''|2|10|2|https://briefs.example.org/",
        "', retries: 2'|''|2|5|3|https://briefs.example.org/",
        "web: https://briefs.example.org|web: http://briefs.example.org|2|5|2|http://briefs.example.org/",
    })
    void valuesAtTheLimitsAreAccepted(String from, String to, int max, double rate, int retries, URI web, @TempDir Path dir)
            throws IOException {
        String text = VALID.replace(from, to);
        assertThat(text).as("the test's replacement applies").isNotEqualTo(VALID);
        Newsletter newsletter = new NewsletterLoader().load(write(dir, "n.yaml", text));
        assertThat(newsletter.stories().max()).isEqualTo(max);
        assertThat(newsletter.delivery()).isEqualTo(new Newsletter.Delivery(rate, retries));
        assertThat(newsletter.web()).isEqualTo(web);
    }

    @Test
    void aLanguageWithoutItsValuesIsReported(@TempDir Path dir) throws IOException {
        Path file = write(dir, "n.yaml", VALID.substring(0, VALID.indexOf("  en:")) + "  en: ~\n");
        assertThatThrownBy(() -> new NewsletterLoader().load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":13:7: languages.en: give the language's title, from and zone");
    }

    @Test
    void theFileNameMustBeUsableAsAFolderAndMessageIdPart(@TempDir Path dir) throws IOException {
        Path file = write(dir, "Morning Brief.yaml", VALID);
        assertThatThrownBy(() -> new NewsletterLoader().load(file))
                .hasMessage(file + ": the newsletter's name 'Morning Brief' (its file name) names folders and message ids: "
                        + "use lower-case letters, digits and '-'");
        assertThatThrownBy(() -> new NewsletterLoader().load(dir.resolve("none.yaml"))).hasMessageContaining("no such newsletter file");
        Path text = write(dir, "n.txt", VALID);
        assertThatThrownBy(() -> new NewsletterLoader().load(text)).hasMessageContaining("ends in .yaml");
    }

    @Test
    void aNewsletterNeedsALanguage(@TempDir Path dir) throws IOException {
        Path file = write(dir, "n.yaml", VALID.substring(0, VALID.indexOf("languages:")) + "languages: {}\n");
        assertThatThrownBy(() -> new NewsletterLoader().load(file)).hasMessageContaining("languages: a newsletter goes out in at least one language");
    }
}
