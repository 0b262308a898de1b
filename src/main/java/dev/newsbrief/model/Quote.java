package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Words someone said, kept in the language they were said in, with translations keyed by
 * BCP 47 tag. A direct quote is set in quotation marks; a paraphrase is reported speech
 * (its text is a clause: "the deal would open trade routes"), worded per language by the
 * message {@code quote.paraphrase}. A brief shows the reader's language first and the
 * original beside it.
 */
public record Quote(@JsonProperty(required = true) EntityRef speaker,
                    Mode mode,
                    @JsonProperty(required = true) String language,
                    @JsonProperty(required = true) String text,
                    Map<String, String> translations) {

    public enum Mode {
        DIRECT, PARAPHRASE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Quote {
        mode = mode == null ? Mode.DIRECT : mode;
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    public boolean paraphrase() {
        return mode == Mode.PARAPHRASE;
    }

    /** The translation for {@code tag}, or empty when the quote is in that language or untranslated. */
    public Optional<String> translationFor(String tag) {
        return language.equals(tag) ? Optional.empty() : Optional.ofNullable(translations.get(tag));
    }
}
