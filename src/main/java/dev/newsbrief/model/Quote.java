package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Optional;

/**
 * Words someone said, kept in the language they were said in, with translations
 * keyed by BCP 47 tag. A brief shows the original and, where it has one, its
 * translation marked as such.
 */
public record Quote(@JsonProperty(required = true) EntityRef speaker,
                    @JsonProperty(required = true) String language,
                    @JsonProperty(required = true) String text,
                    Map<String, String> translations) {
    public Quote {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    /** The translation for {@code tag}, or empty when the quote is in that language or untranslated. */
    public Optional<String> translationFor(String tag) {
        return language.equals(tag) ? Optional.empty() : Optional.ofNullable(translations.get(tag));
    }
}
