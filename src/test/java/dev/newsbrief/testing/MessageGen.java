package dev.newsbrief.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated wording: ICU MessageFormat patterns, valid and broken (unbalanced braces, bad
 * plural and select syntax, unknown types, unknown arguments, quoting), message files, and
 * lexicons (entries with forms, missing forms, odd keys, wrong types). A pattern names its
 * arguments {@code @0}, {@code @1}: {@link #bind} puts a claim's real argument names there.
 */
public final class MessageGen {
    private MessageGen() { }

    /** Pieces of valid patterns; @0 and @1 stand for argument names. */
    static final List<String> GOOD = List.of("{@0}", "{@1}", "{@0_gen}", "{@0_label}", "{@0_count, plural, one {one} other {# many}}",
            "{@0, number}", "{@0, number, integer}", "{@0_value, spellout}", "{@0_words}", "{@0_in}", "{@0_date, date, ::yMMMMd}",
            "{@0_kind, select, country {a country} other {a thing}}", "{@0_gender, select, f {her} other {his}}",
            "{@0, plural, =0 {none} one {# one} other {# others}}", "{@0, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}",
            "'{'literal'}'", "it''s", "{@0_titled}", "{@0_first}", "{@0_short}", "{@0_adj}", "{@0, date, long}", "{@0, time, short}",
            "{@0, choice, 0#none|1#one|1<many}", "{@0, duration}", "{@0, ordinal}", "{@0_titled_gen}", "{@0_nom_nom_nom}");

    /** Pieces that break a pattern, or ask for arguments nobody gives. */
    static final List<String> BROKEN = List.of("{", "}", "{@0", "@0}", "{@0, plural, one {x}}", "{@0, plural, =x {y} other {z}}",
            "{@0, frobnicate}", "{@0, select}", "{@0, select, other}", "'{unterminated", "{0}", "{}", "{ }", "{@0, date, ::}",
            "{@0, number, ::currency/XYZ}", "{nobody}", "{nobody, plural, other {#}}", "{@0,,}", "{@0, plural, other {{@1}}",
            "{@0, plural, offset:x other {#}}", "{@0_}", "{_}", "{@0_gen_gen_gen_gen_gen}", "{@0, number, #,##0.###E0}",
            "{@0, spellout, %no-such-rule}", "{@0, date, ::GGGGGGGGGGGGG}", "{@0, plural, other {" + "{@0} ".repeat(3) + "}}");

    /** One pattern: literal text and argument pieces, sometimes a broken one. */
    public static Arbitrary<String> patterns() {
        Arbitrary<String> literal = Values.text().map(t -> t.replace("{", "").replace("}", "").replace("'", "’"));
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(4, literal), Tuple.of(5, Arbitraries.of(GOOD)),
                Tuple.of(1, Arbitraries.of(BROKEN)), Tuple.of(1, Values.text()));
        return piece.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(" ", parts));
    }

    /** The pattern with @0 and @1 replaced by argument names (or a name no one gives, when there are none). */
    public static String bind(String pattern, List<String> arguments) {
        String first = arguments.isEmpty() ? "missing" : arguments.get(0);
        String second = arguments.size() < 2 ? first : arguments.get(1);
        return pattern.replace("@0", first).replace("@1", second);
    }

    /**
     * A story bundle's en.yaml for a story tree: a message for each claim, section heading and
     * key-fact label it uses, and a lexicon entry for each of its own entities.
     */
    static Map<String, Object> wordingFor(Map<String, Object> story, List<String> patterns) {
        int[] next = {0};
        java.util.function.Function<List<String>, String> pattern = arguments -> bind(patterns.get(next[0]++ % patterns.size()), arguments);
        Map<String, Object> claims = new LinkedHashMap<>();
        Map<String, Object> sections = new LinkedHashMap<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        walk(story, node -> {
            if (node.get("claim") instanceof String name) {
                List<String> arguments = node.get("args") instanceof Map<?, ?> args ? args.keySet().stream().map(String::valueOf).toList() : List.of();
                claims.putIfAbsent(name, pattern.apply(arguments));
            }
        });
        if (story.get("sections") instanceof List<?> list) {
            list.forEach(s -> {
                if (s instanceof Map<?, ?> section && section.get("id") instanceof String id) {
                    sections.putIfAbsent(id, pattern.apply(List.of()));
                }
            });
        }
        if (story.get("keyFacts") instanceof List<?> list) {
            list.forEach(f -> {
                if (f instanceof Map<?, ?> fact && fact.get("label") instanceof String label) {
                    facts.putIfAbsent(label, pattern.apply(List.of("value")));
                }
            });
        }
        Map<String, Object> messages = new LinkedHashMap<>();
        if (!claims.isEmpty()) {
            messages.put("claim", claims);
        }
        if (!sections.isEmpty()) {
            messages.put("section", sections);
        }
        if (!facts.isEmpty()) {
            messages.put("fact", facts);
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (String id : StoryGen.ownEntities(story)) {
            String name = patterns.get(next[0]++ % patterns.size()).replace("@0", id).replace("@1", id);
            Map<String, Object> forms = new LinkedHashMap<>();
            forms.put("nom", name);
            // Now and then an entry lacks a required form: the loader must say so.
            if (next[0] % 7 != 0) {
                forms.put("label", name);
            }
            if (id.equals(StoryGen.DOCUMENT)) {
                forms.put("bare", name);
                forms.put("indef", name);
            }
            entries.put(id, forms);
        }
        Map<String, Object> wording = new LinkedHashMap<>();
        wording.put("messages", messages);
        if (!entries.isEmpty()) {
            wording.put("lexicon", new LinkedHashMap<>(Map.of("entries", entries)));
        }
        return wording;
    }

    private static void walk(Object node, java.util.function.Consumer<Map<?, ?>> visit) {
        if (node instanceof Map<?, ?> map) {
            visit.accept(map);
            map.values().forEach(v -> walk(v, visit));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> walk(v, visit));
        }
    }

    /** Keys of message and lexicon files: mostly sane, sometimes odd. */
    static Arbitrary<Object> key() {
        return Arbitraries.frequencyOf(Tuple.of(6, Values.slug().map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.of("", "a.b", "..", "1", "true", "~", "ə", "\u202e", "key with spaces", "claim", "meta")
                        .map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.of("1", "true", "~", "[a, b]", "{a: b}", "? x", "&k k", "*k", "!!binary AAAA").map(s -> (Object) new YamlWriter.Raw(s))));
    }

    /** A messages.yaml: keys to patterns, nested groups, and now and then a value of the wrong type. */
    public static Arbitrary<Object> messagesFile() {
        Arbitrary<Object> value = Arbitraries.frequencyOf(
                Tuple.of(8, patterns().map(p -> (Object) bind(p, List.of("x", "y")))),
                Tuple.of(1, Values.scalar()),
                Tuple.of(1, patterns().list().ofMaxSize(2).map(l -> (Object) new ArrayList<Object>(l))));
        Arbitrary<Object> group = Combinators.combine(key(), value).as(Tuple::of).list().ofMaxSize(4).map(MessageGen::toMap);
        Arbitrary<Object> entry = Arbitraries.frequencyOf(Tuple.of(4, value), Tuple.of(1, group));
        return Combinators.combine(key(), entry).as(Tuple::of).list().ofMinSize(1).ofMaxSize(8).map(MessageGen::toMap);
    }

    /** A lexicon.yaml: required forms, composition patterns, precedence, and entries with forms (some missing). */
    public static Arbitrary<Object> lexiconFile() {
        Arbitrary<List<Object>> forms = Arbitraries.of("nom", "label", "gen", "adj", "gender", "", "CASE", "nom_gen")
                .list().ofMaxSize(3).map(l -> new ArrayList<Object>(l));
        Arbitrary<Object> formValue = Arbitraries.frequencyOf(Tuple.of(8, Values.text().map(t -> (Object) t)), Tuple.of(1, Values.scalar()),
                Tuple.of(1, Arbitraries.just((Object) new ArrayList<>(List.of("a", "b")))));
        Arbitrary<Object> entry = Combinators.combine(Arbitraries.of("nom", "label", "gen", "adj", "gender", "surname", "", "CASE", "x_y"), formValue)
                .as(Tuple::of).list().ofMaxSize(4).map(MessageGen::toMap);
        Arbitrary<Object> entryOrOdd = Arbitraries.frequencyOf(Tuple.of(9, entry), Tuple.of(1, Values.scalar()));
        Arbitrary<Object> entries = Combinators.combine(key(), entryOrOdd).as(Tuple::of).list().ofMaxSize(5).map(MessageGen::toMap);
        Arbitrary<Object> compose = Combinators.combine(Arbitraries.of("titled", "role", "x", ""),
                patterns().map(p -> (Object) bind(p, List.of("of_adj", "self_CASE")))).as(Tuple::of).list().ofMaxSize(2).map(MessageGen::toMap);
        return Combinators.combine(forms.optional(), compose.optional(), Values.slug().list().ofMaxSize(2).optional(), entries,
                        Arbitraries.of("required", "compose", "precedence", "entries", "unknown").optional())
                .as((required, composition, precedence, entryMap, extra) -> {
                    Map<Object, Object> file = new LinkedHashMap<>();
                    required.ifPresent(r -> file.put("required", r));
                    composition.ifPresent(c -> file.put("compose", c));
                    precedence.ifPresent(p -> file.put("precedence", new ArrayList<Object>(p)));
                    file.put("entries", entryMap);
                    // A section written twice, or one no lexicon has.
                    extra.ifPresent(name -> file.put(new YamlWriter.Raw(name), "x"));
                    return file;
                });
    }

    private static Object toMap(List<? extends Tuple.Tuple2<?, ?>> pairs) {
        Map<Object, Object> map = new LinkedHashMap<>();
        pairs.forEach(pair -> map.putIfAbsent(pair.get1(), pair.get2()));
        return map;
    }
}
