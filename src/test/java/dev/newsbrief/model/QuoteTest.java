package dev.newsbrief.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuoteTest {
    private static final EntityRef BIDEN = EntityRef.of("biden");

    @Test
    void aQuoteIsDirectUnlessSaidOtherwise() {
        Quote quote = new Quote(BIDEN, null, "en", "This is good news.", null);
        assertThat(quote.mode()).isEqualTo(Quote.Mode.DIRECT);
        assertThat(quote.paraphrase()).isFalse();
        assertThat(quote.translations()).isEmpty();
        assertThat(quote.translationFor("ru")).isEmpty();
    }

    @Test
    void aParaphraseIsReportedSpeech() {
        Quote quote = new Quote(BIDEN, Quote.Mode.PARAPHRASE, "en", "the deal would hold", Map.of());
        assertThat(quote.paraphrase()).isTrue();
        assertThat(Quote.Mode.PARAPHRASE.id()).isEqualTo("paraphrase");
        assertThat(Quote.Mode.DIRECT.id()).isEqualTo("direct");
    }

    @Test
    void theTranslationForEachOtherLanguage() {
        Quote quote = new Quote(BIDEN, null, "en", "Peace", Map.of("ru", "Мир", "en", "Peace!"));
        assertThat(quote.translationFor("ru")).contains("Мир");
        assertThat(quote.translationFor("hy")).isEmpty();
        assertThat(quote.translationFor("en")).as("the quote's own language shows the original").isEmpty();
    }

    @Test
    void translationsAreACopy() {
        Map<String, String> translations = new HashMap<>(Map.of("ru", "Мир"));
        Quote quote = new Quote(BIDEN, null, "en", "Peace", translations);
        translations.put("hy", "Խաղաղություն");
        assertThat(quote.translations()).containsOnlyKeys("ru");
        assertThatThrownBy(() -> quote.translations().put("az", "Sülh")).isInstanceOf(UnsupportedOperationException.class);
    }
}
