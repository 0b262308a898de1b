package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A story that brings no wording of its own is told entirely by the shared frames, with its
 * own facts: another venue, city, date, document and signatories than the default story.
 * Pins that the frames take every fact from the story (a frame that hard-coded "the White
 * House" or "peace agreement" fails here).
 */
class SharedFramesTest {
    private static Document brief(String tag) {
        return Fixtures.brief(Fixtures.storiesBuild(), tag, "plain-signing-2027");
    }

    private static String text(org.jsoup.nodes.Element element) {
        return element.text().replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | Azerbaijan and Armenia sign border treaty at Lancaster House",
        "ru | Азербайджан и Армения подписали договор о границе в Ланкастер-хаусе",
        "hy | Հայաստանը և Ադրբեջանը Լանկաստեր հաուսում ստորագրել են սահմանային պայմանագիր",
        "az | Azərbaycan və Ermənistan Lankaster-hausda sərhəd müqaviləsi imzalayıb"})
    void theHeadlineFrameTakesEveryFactFromTheStory(String tag, String headline) {
        assertThat(text(brief(tag).selectFirst("h1"))).isEqualTo(headline);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | Azerbaijani Foreign Minister Jeyhun Bayramov and Armenian Foreign Minister Ararat Mirzoyan signed a border treaty at Lancaster House in London on Monday, March 1.",
        "ru | 1 марта в Ланкастер-хаусе в Лондоне министр иностранных дел Азербайджана Джейхун Байрамов и министр иностранных дел Армении Арарат Мирзоян подписали договор о границе.",
        "az | Azərbaycan xarici işlər naziri Ceyhun Bayramov və Ermənistan xarici işlər naziri Ararat Mirzoyan 1 mart, bazar ertəsi günü Londonda, Lankaster-hausda sərhəd müqaviləsi imzalayıblar."})
    void theEventFrameTakesEveryFactFromTheStory(String tag, String sentence) {
        assertThat(text(brief(tag).selectFirst("section[aria-labelledby=event] p"))).isEqualTo(sentence);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"en | Border treaty", "ru | Договор о границе", "hy | Սահմանային պայմանագիր", "az | Sərhəd müqaviləsi"})
    void theKickerIsTheDocumentsName(String tag, String kicker) {
        assertThat(text(brief(tag).selectFirst("p.kicker"))).isEqualTo(kicker);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"en | Monday, March 1, 2027", "ru | Понедельник, 1 марта 2027 г.", "hy | 2027 թ. մարտի 1, երկուշաբթի"})
    void theKeyFactsDateIsTheEventsDate(String tag, String date) {
        Document doc = brief(tag);
        assertThat(text(doc.selectFirst("section.key-facts td"))).isEqualTo(date);
        assertThat(doc.select("section.key-facts time").attr("datetime")).isEqualTo("2027-03-01");
        assertThat(doc.select("footer a").attr("href")).isEqualTo("https://example.org/fixture");
    }
}
