package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.resource.ResourceSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The az lexicon's case endings follow vowel harmony with the word they attach to.
 * Abbreviations are read as words, as the press declines them: ABŞ-ın, ATƏT-in.
 */
class AzerbaijaniLexiconTest {
    private static final String BACK = "aıou";
    private static final String FRONT = "eəiöü";
    private static final Map<String, Pattern> SUFFIXES = Map.of(
            "gen", Pattern.compile("(?:n|-)?(ın|in|un|ün)$"),
            "dat", Pattern.compile("(?:y|-)?(a|ə)$"),
            "loc", Pattern.compile("-?(da|də|ta|tə)$"),
            "abl", Pattern.compile("-?(dan|dən|tan|tən)$"));

    @Test
    void caseSuffixesHarmoniseWithTheStem() {
        Lexicon lexicon = new Translations(new ResourceSet("translations", null)).catalog("az").lexicon();
        int checked = 0;
        for (var entry : lexicon.entries().entrySet()) {
            String nom = entry.getValue().get("nom");
            if (nom == null) {
                continue;
            }
            for (var suffix : SUFFIXES.entrySet()) {
                String form = entry.getValue().get(suffix.getKey());
                if (form == null || !form.startsWith(nom) || form.length() == nom.length()) {
                    continue;
                }
                Matcher matcher = suffix.getValue().matcher(form.substring(nom.length()));
                assertThat(matcher.find()).as("%s %s '%s' has a %s ending", entry.getKey(), suffix.getKey(), form, suffix.getKey()).isTrue();
                char stemVowel = lastVowel(nom);
                char suffixVowel = lastVowel(matcher.group(1));
                assertThat(BACK.indexOf(stemVowel) >= 0).as("%s: '%s' harmonises with '%s'", entry.getKey(), form, nom)
                        .isEqualTo(BACK.indexOf(suffixVowel) >= 0);
                checked++;
            }
        }
        assertThat(checked).as("forms checked").isGreaterThan(40);
    }

    private static char lastVowel(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT).replace("i̇", "i");
        for (int i = lower.length() - 1; i >= 0; i--) {
            char c = lower.charAt(i);
            if (BACK.indexOf(c) >= 0 || FRONT.indexOf(c) >= 0) {
                return c;
            }
        }
        throw new AssertionError("no vowel in " + word);
    }
}
