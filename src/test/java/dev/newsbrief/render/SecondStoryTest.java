package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A different story renders through the same templates and translations, with none of the first story's facts. */
class SecondStoryTest {
    private static Document brief(String tag) {
        return Fixtures.brief(Fixtures.secondStoryBuild(), tag, "border-protocol-2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void rendersOnlyTheSectionsTheStoryHas(String tag) {
        Document doc = brief(tag);
        assertThat(doc.select("section[aria-labelledby=corridor], section[aria-labelledby=benefits], section[aria-labelledby=context]")).isEmpty();
        assertThat(doc.select("section[aria-labelledby=conflict]")).hasSize(1);
        assertThat(doc.select("time[datetime=2026-02-12]")).isNotEmpty();
        String text = doc.body().text();
        assertThat(text).doesNotContainPattern("\\b(32|99|2025)\\b").doesNotContain("TRIPP");
        assertThat(doc.select("blockquote[lang=hy]")).hasSize(1);
    }

    @Test
    void factsComeFromTheNewModel() {
        String ru = brief("ru").body().text().replace('\u202F', ' ');
        assertThat(ru).contains("12 февраля 2026 г.", "Азербайджан и Армения", "более четырех десятилетий", "в 1994 году");
        String en = brief("en").body().text();
        assertThat(en).contains("Thursday, February 12, 2026", "more than four decades", "Translated from Armenian");
        assertThat(brief("hy").select("p.translation")).as("an Armenian quote is not translated into Armenian").isEmpty();
    }
}
