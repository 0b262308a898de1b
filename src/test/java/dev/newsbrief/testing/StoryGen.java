package dev.newsbrief.testing;

import dev.newsbrief.testing.YamlWriter.Raw;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated stories: trees shaped like the real model (ids, kinds, entities, event, key facts,
 * claims with typed arguments, dates, quotes, sources, terms, timeline, benefits), the
 * bundle's English wording for them, and damage done on top — a field dropped, a wrong type,
 * a random scalar, deep nesting, odd text, YAML tricks, a file cut short. Everything is
 * built from jqwik arbitraries, so a failure shrinks to a small story.
 */
public final class StoryGen {
    private StoryGen() { }

    /** Entities every story has, named in every shared lexicon: a story using only these renders in any language. */
    static final Map<String, String> SHARED = Map.of("armenia", "country", "azerbaijan", "country", "london", "city");
    /** The document a generated signing produced. */
    static final String DOCUMENT = "deal";
    static final List<String> KINDS = List.of("country", "region", "exclave", "city", "place", "river", "organisation",
            "company", "armed-group", "law", "document", "route", "infrastructure", "commodity", "event", "person");
    static final List<String> UNITS = List.of("kilometer", "meter", "mile", "year", "decade", "month", "week", "day", "hour", "percent");

    /** One generated case: the story tree, its English wording, and the damage applied when written. */
    public record StoryCase(Map<String, Object> story, Map<String, Object> wording, List<Mutation> mutations, TextDamage damage) {
        /** The story file as written, damage included. */
        public String storyYaml() {
            Object tree = Trees.copy(story);
            for (Mutation mutation : mutations) {
                tree = mutation.apply(tree);
            }
            return damage.apply(YamlWriter.write(tree));
        }

        /** The bundle's en.yaml. */
        public String wordingYaml() {
            return YamlWriter.write(wording);
        }

        @Override
        public String toString() {
            return "\n--- story.yaml\n" + storyYaml() + "--- en.yaml\n" + wordingYaml();
        }
    }

    /** Stories that are mostly valid: no mutations and no damage, though the values inside may be odd. */
    public static Arbitrary<StoryCase> wellFormed() {
        return storyAndWording(false).map(t -> new StoryCase(t.get1(), t.get2(), List.of(), TextDamage.NONE));
    }

    /** Stories with 0–3 mutations and sometimes damaged text. */
    public static Arbitrary<StoryCase> anyStory() {
        return Combinators.combine(storyAndWording(false), Mutation.arbitrary().list().ofMaxSize(3), TextDamage.arbitrary())
                .as((t, mutations, damage) -> new StoryCase(t.get1(), t.get2(), mutations, damage));
    }

    /**
     * Stories meant to reach the renderers: real dates, zones and event kinds, clean ids and
     * labels; the text, numbers, arguments and wording inside are still generated freely.
     */
    public static Arbitrary<StoryCase> renderable() {
        return storyAndWording(true).map(t -> new StoryCase(t.get1(), t.get2(), List.of(), TextDamage.NONE));
    }

    private static Arbitrary<Tuple.Tuple2<Map<String, Object>, Map<String, Object>>> storyAndWording(boolean tame) {
        Arbitrary<String> cleanSlug = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> zones = tame ? Arbitraries.of("UTC", "Asia/Baku", "America/New_York", "Pacific/Kiritimati")
                : Arbitraries.of("UTC", "Asia/Baku", "America/New_York", "Pacific/Kiritimati", "Europe/Nowhere", "+14:00", "");
        Arbitrary<Object> dates = tame ? Values.realDate() : Values.date();
        return entities().flatMap(entities -> {
            List<String> ids = new ArrayList<>(entities.keySet());
            List<String> people = entities.entrySet().stream()
                    .filter(e -> e.getValue() instanceof Map<?, ?> m && "person".equals(m.get("kind"))).map(Map.Entry::getKey).toList();
            return Combinators.combine(
                    tame ? cleanSlug : Values.slug(), tame ? cleanSlug : Values.slug(), zones,
                    dates, sources(), event(ids, people, tame), claim(ids).optional(), claim(ids).list().ofMaxSize(2))
                    .flatAs((id, kind, zone, published, sources, event, headline, details) -> Combinators.combine(
                            keyFacts(ids, tame), sections(ids), timeline(ids), benefits(ids), quotes(ids), terms(ids),
                            MessageGen.patterns().list().ofMinSize(20).ofMaxSize(20))
                            .as((facts, sections, timeline, benefits, quotes, terms, patterns) -> {
                                Map<String, Object> story = new LinkedHashMap<>();
                                story.put("id", id);
                                story.put("kind", kind);
                                story.put("timeZone", zone);
                                story.put("published", published);
                                story.put("sources", sources);
                                if ("signing".equals(event.get("kind"))) {
                                    // A signing names the document signed: an entity of the story's own.
                                    entities.putIfAbsent(DOCUMENT, new LinkedHashMap<>(Map.of("kind", "document")));
                                }
                                story.put("entities", entities);
                                Map<String, Object> ev = new LinkedHashMap<>(event);
                                if (!details.isEmpty()) {
                                    ev.put("details", details);
                                }
                                story.put("event", ev);
                                headline.ifPresent(h -> story.put("headline", h));
                                putIfNotEmpty(story, "keyFacts", facts);
                                putIfNotEmpty(story, "sections", sections);
                                putIfNotEmpty(story, "timeline", timeline);
                                putIfNotEmpty(story, "benefits", benefits);
                                putIfNotEmpty(story, "quotes", quotes);
                                putIfNotEmpty(story, "terms", terms);
                                return Tuple.of(story, MessageGen.wordingFor(story, patterns));
                            }));
        });
    }

    private static void putIfNotEmpty(Map<String, Object> story, String key, List<?> list) {
        if (!list.isEmpty()) {
            story.put(key, list);
        }
    }

    /** The shared three, plus up to four of the story's own (a person among them now and then). */
    static Arbitrary<Map<String, Object>> entities() {
        Arbitrary<Tuple.Tuple2<String, String>> own = Combinators.combine(Values.slug(), Arbitraries.of(KINDS)).as(Tuple::of);
        return own.list().ofMaxSize(4).map(list -> {
            Map<String, Object> entities = new LinkedHashMap<>();
            SHARED.forEach((id, kind) -> entities.put(id, new LinkedHashMap<>(Map.of("kind", kind))));
            for (var entity : list) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("kind", entity.get2());
                if (entity.get2().equals("person")) {
                    value.put("office", "president");
                    value.put("of", "armenia");
                }
                entities.putIfAbsent(entity.get1(), value);
            }
            return entities;
        });
    }

    static Arbitrary<List<Object>> sources() {
        Arbitrary<Map<String, Object>> source = Combinators.combine(Values.text(), Arbitraries.of("en", "ru", "hy", "az", "xx", "en-US", "zz-Latn", "e", "123", ""),
                Values.date().optional(), url().optional(), Values.text().optional()).as((title, language, date, url, outlet) -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("title", title);
                    map.put("language", language);
                    date.ifPresent(d -> map.put("date", d));
                    url.ifPresent(u -> map.put("url", u));
                    outlet.ifPresent(o -> map.put("outlet", o));
                    return map;
                });
        return source.list().ofMinSize(1).ofMaxSize(2).map(l -> new ArrayList<>(l));
    }

    static Arbitrary<String> url() {
        return Arbitraries.oneOf(
                Arbitraries.of("https://example.org/a", "http://example.org/?q=<b>&x=\"y\"", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
                        " https://example.org", "data:text/html,<script>", "file:///etc/passwd", "https://", "http://[::1]:8080/x",
                        "https://exa mple.org", "//example.org", "ftp://x.org", "https://example.org/\u202e", "mailto:a@b.c"),
                Values.text().map(t -> "https://example.org/" + t));
    }

    static Arbitrary<Map<String, Object>> event(List<String> ids, List<String> people, boolean tame) {
        return Combinators.combine(tame ? Arbitraries.of("signing", "ceasefire", "announcement", "summit", "talks")
                        : Arbitraries.of("signing", "ceasefire", "announcement", "summit", "talks", "war"),
                tame ? Values.realDate() : Values.date(), Arbitraries.of(ids).list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(ids).list().ofMaxSize(2))
                .as((kind, date, parties, hosts) -> {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("kind", kind);
                    event.put("date", date);
                    event.put("city", "london");
                    event.put("parties", new ArrayList<>(parties));
                    if (!hosts.isEmpty()) {
                        event.put("hosts", new ArrayList<>(hosts));
                    }
                    if (kind.equals("signing")) {
                        event.put("signatories", new ArrayList<>(people.isEmpty() ? List.of("armenia") : people));
                        event.put("document", DOCUMENT);
                        event.put("venue", "london");
                    }
                    return event;
                });
    }

    /** A claim: a name and typed arguments of every shape the model knows. */
    static Arbitrary<Map<String, Object>> claim(List<String> ids) {
        return Combinators.combine(claimName(), argName().flatMap(n -> argument(ids).map(v -> Tuple.of(n, v))).list().ofMaxSize(3))
                .as((name, args) -> {
                    Map<String, Object> claim = new LinkedHashMap<>();
                    claim.put("claim", name);
                    if (!args.isEmpty()) {
                        Map<String, Object> map = new LinkedHashMap<>();
                        args.forEach(a -> map.put(a.get1(), a.get2()));
                        claim.put("args", map);
                    }
                    return claim;
                });
    }

    static Arbitrary<String> claimName() {
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.strings().withCharRange('a', 'z').withChars("-").ofMinLength(1).ofMaxLength(8)
                .filter(s -> Character.isLetter(s.charAt(0)))), Tuple.of(1, Values.slug()));
    }

    static Arbitrary<String> argName() {
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of("a", "b", "parties", "when", "value", "n", "date", "x")),
                Tuple.of(1, Arbitraries.of("a_b", "A", "1", "", "a-b", "ə")));
    }

    /** One argument value: entity, number, quantity, money, partial date, relative time, or a list. */
    static Arbitrary<Object> argument(List<String> ids) {
        Arbitrary<Object> single = single(ids);
        return Arbitraries.frequencyOf(Tuple.of(6, single), Tuple.of(2, Arbitraries.of(ids).list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) new ArrayList<>(l))),
                Tuple.of(1, single.list().ofMaxSize(2).map(l -> (Object) new ArrayList<>(l))));
    }

    private static Arbitrary<Object> single(List<String> ids) {
        Arbitrary<Object> entity = Arbitraries.of(ids).map(id -> (Object) id);
        Arbitrary<Object> quantity = Combinators.combine(Values.number(), Arbitraries.of(UNITS)).as((v, u) -> (Object) map("value", v, "unit", u));
        Arbitrary<Object> money = Combinators.combine(Values.number(), Arbitraries.of("USD", "EUR", "GBP", "AMD", "XXX", "usd", "ZZZ", ""))
                .as((a, c) -> (Object) map("amount", a, "currency", c));
        Arbitrary<Object> year = Arbitraries.oneOf(Arbitraries.integers().between(-3000, 12000).map(y -> (Object) y), Values.number())
                .map(y -> (Object) map("year", y));
        Arbitrary<Object> month = Arbitraries.of("2025-01", "2025-12", "2025-13", "2025-00", "0000-01", "99999-01", "2025").map(m -> (Object) map("month", new Raw(m)));
        Arbitrary<Object> day = Values.date().map(d -> (Object) map("day", d));
        Arbitrary<Object> relative = Combinators.combine(Arbitraries.of("last", "this", "next", "later"), Arbitraries.of("day", "week", "month", "year", "hour"))
                .as((d, u) -> (Object) map("direction", d, "unit", u));
        return Arbitraries.frequencyOf(Tuple.of(5, entity), Tuple.of(2, Values.number()), Tuple.of(2, quantity), Tuple.of(2, money),
                Tuple.of(1, year), Tuple.of(1, month), Tuple.of(1, day), Tuple.of(1, relative), Tuple.of(1, Values.scalar()));
    }

    static Arbitrary<List<Object>> keyFacts(List<String> ids, boolean tame) {
        Arbitrary<String> labels = tame ? Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8) : claimName();
        Arbitrary<Object> fact = Combinators.combine(labels, Arbitraries.integers().between(0, 2), argument(ids), claim(ids))
                .as((label, which, value, text) -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("label", label);
                    if (which != 1) {
                        map.put("value", value);
                    }
                    if (which != 0) {
                        map.put("text", text);
                    }
                    return map;
                });
        return fact.list().ofMaxSize(2).map(l -> new ArrayList<>(l));
    }

    static Arbitrary<List<Object>> sections(List<String> ids) {
        Arbitrary<Object> section = Combinators.combine(claimName(), claim(ids).list().ofMinSize(1).ofMaxSize(2).list().ofMinSize(1).ofMaxSize(2))
                .as((id, paragraphs) -> (Object) map("id", id, "paragraphs", new ArrayList<>(paragraphs.stream().map(p -> (Object) new ArrayList<Object>(p)).toList())));
        return section.list().ofMaxSize(2).map(l -> new ArrayList<>(l));
    }

    static Arbitrary<List<Object>> timeline(List<String> ids) {
        Arbitrary<Object> date = Arbitraries.oneOf(Values.date(), Arbitraries.of("2020", "2025-01", "1999", "0000").map(s -> (Object) new Raw(s)));
        Arbitrary<Object> entry = Combinators.combine(date, claim(ids)).as((d, claim) -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("date", d);
            map.putAll(claim);
            return map;
        });
        return entry.list().ofMaxSize(2).map(l -> new ArrayList<>(l));
    }

    static Arbitrary<List<Object>> benefits(List<String> ids) {
        Arbitrary<Object> benefit = Combinators.combine(Arbitraries.of(ids), claim(ids).list().ofMinSize(1).ofMaxSize(2))
                .as((party, claims) -> (Object) map("party", party, "claims", new ArrayList<Object>(claims)));
        return benefit.list().ofMaxSize(1).map(l -> new ArrayList<>(l));
    }

    static Arbitrary<List<Object>> quotes(List<String> ids) {
        Arbitrary<String> tag = Arbitraries.of("en", "ru", "hy", "az", "fr", "xx-YY", "!", "");
        Arbitrary<Object> quote = Combinators.combine(Arbitraries.of(ids), Arbitraries.of("direct", "paraphrase", "shout"), tag, Values.text(),
                Combinators.combine(tag, Values.text()).as(Tuple::of).list().ofMaxSize(2))
                .as((speaker, mode, language, text, translations) -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("speaker", speaker);
                    map.put("mode", mode);
                    map.put("language", language);
                    map.put("text", text);
                    if (!translations.isEmpty()) {
                        Map<String, Object> t = new LinkedHashMap<>();
                        translations.forEach(pair -> t.put(pair.get1(), pair.get2()));
                        map.put("translations", t);
                    }
                    return map;
                });
        return quote.list().ofMaxSize(2).map(l -> new ArrayList<>(l));
    }

    static Arbitrary<List<Object>> terms(List<String> ids) {
        Arbitrary<Object> within = Combinators.combine(Values.number(), Arbitraries.of(UNITS)).as((v, u) -> (Object) map("value", v, "unit", u));
        Arbitrary<Object> by = Arbitraries.of("2026", "2026-01", "2026-01-31", "2026-02-30", "x").map(s -> (Object) new Raw(s));
        Arbitrary<Object> term = Combinators.combine(claim(ids), within.optional(), by.optional()).as((claim, w, b) -> {
            Map<String, Object> map = new LinkedHashMap<>(claim);
            w.ifPresent(value -> map.put("within", value));
            b.ifPresent(value -> map.put("by", value));
            return map;
        });
        return term.list().ofMaxSize(2).map(l -> new ArrayList<>(l));
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Ids of the entities of a story tree that no shared lexicon names. */
    static Set<String> ownEntities(Map<String, Object> story) {
        Set<String> own = new LinkedHashSet<>();
        if (story.get("entities") instanceof Map<?, ?> entities) {
            entities.keySet().forEach(id -> {
                if (!SHARED.containsKey(id)) {
                    own.add(String.valueOf(id));
                }
            });
        }
        return own;
    }
}
