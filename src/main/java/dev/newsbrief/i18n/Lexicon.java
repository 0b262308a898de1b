package dev.newsbrief.i18n;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grammatical forms of every name in one language: {@code armenia → {nom: Армения,
 * gen: Армении, …}}. Messages ask for a form with an argument such as {@code {host_gen}};
 * a form that is a composition (such as {@code titled_gen}, "president of Azerbaijan
 * Ilham Aliyev" in the genitive) is built from a pattern under {@code compose:}.
 *
 * @param file         where the shared lexicon was read from, for error messages
 * @param required     forms every entry must have
 * @param entries      entry id → form name → text
 * @param origins      entry id → where it was written (the story bundle's file for its own names)
 * @param compositions composite form name → MessageFormat pattern using {@code CASE}
 * @param precedence   entity ids that lead any list they are in, in this order — the
 *                     language's press convention (az: Azerbaijan first; hy: Armenia first)
 */
public record Lexicon(String file, List<String> required, Map<String, Map<String, String>> entries,
                      Map<String, Origin> origins, Map<String, String> compositions, List<String> precedence) {

    public Lexicon {
        required = List.copyOf(required);
        entries = Map.copyOf(entries);
        origins = Map.copyOf(origins);
        compositions = Map.copyOf(compositions);
        precedence = List.copyOf(precedence);
    }

    public Optional<String> form(String id, String form) {
        Map<String, String> forms = entries.get(id);
        return forms == null ? Optional.empty() : Optional.ofNullable(forms.get(form));
    }

    public boolean has(String id) {
        return entries.containsKey(id);
    }

    /** Where entry {@code id} was written; the lexicon file itself if unknown. */
    public Origin origin(String id) {
        return origins.getOrDefault(id, new Origin(file, 0, 0));
    }

    /**
     * This lexicon with {@code overlay} laid over it key by key: an entry's forms are merged
     * form by form, compositions name by name; the overlay's precedence comes first.
     */
    public Lexicon merge(Lexicon overlay) {
        Map<String, Map<String, String>> merged = new LinkedHashMap<>(entries);
        overlay.entries().forEach((id, forms) -> {
            Map<String, String> combined = new LinkedHashMap<>(merged.getOrDefault(id, Map.of()));
            combined.putAll(forms);
            merged.put(id, Map.copyOf(combined));
        });
        Map<String, Origin> mergedOrigins = new LinkedHashMap<>(origins);
        mergedOrigins.putAll(overlay.origins());
        Map<String, String> mergedCompositions = new LinkedHashMap<>(compositions);
        mergedCompositions.putAll(overlay.compositions());
        List<String> mergedPrecedence = new ArrayList<>(overlay.precedence());
        precedence.stream().filter(id -> !mergedPrecedence.contains(id)).forEach(mergedPrecedence::add);
        List<String> mergedRequired = new ArrayList<>(required);
        overlay.required().stream().filter(form -> !mergedRequired.contains(form)).forEach(mergedRequired::add);
        return new Lexicon(file, mergedRequired, merged, mergedOrigins, mergedCompositions, mergedPrecedence);
    }

    /** The ids ordered by {@link #precedence}: those it names first, in its order; the rest as given. */
    public <T> List<T> ordered(List<T> items, java.util.function.Function<T, String> id) {
        if (precedence.isEmpty()) {
            return items;
        }
        List<T> ordered = new ArrayList<>();
        for (String first : precedence) {
            items.stream().filter(item -> first.equals(id.apply(item))).forEach(ordered::add);
        }
        items.stream().filter(item -> !precedence.contains(id.apply(item))).forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
