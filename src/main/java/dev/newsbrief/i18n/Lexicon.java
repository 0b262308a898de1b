package dev.newsbrief.i18n;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grammatical forms of every name in one language: {@code armenia → {nom: Армения,
 * gen: Армении, …}}. Messages ask for a form with an argument such as {@code {host_gen}};
 * a form that is a composition (such as {@code titled_gen}, "president of Azerbaijan
 * Ilham Aliyev" in the genitive) is built from a pattern under {@code compose:}.
 *
 * @param file       where it was read from, for error messages
 * @param required   forms every entry must have
 * @param entries    entry id → form name → text
 * @param compositions composite form name → MessageFormat pattern using {@code CASE}
 */
public record Lexicon(String file, List<String> required, Map<String, Map<String, String>> entries,
                      Map<String, String> compositions) {

    public Lexicon {
        required = List.copyOf(required);
        entries = Map.copyOf(entries);
        compositions = Map.copyOf(compositions);
    }

    public Optional<String> form(String id, String form) {
        Map<String, String> forms = entries.get(id);
        return forms == null ? Optional.empty() : Optional.ofNullable(forms.get(form));
    }

    public boolean has(String id) {
        return entries.containsKey(id);
    }
}
