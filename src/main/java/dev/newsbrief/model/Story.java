package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One news story as data: the root of the model. Immutable; built by {@link StoryLoader}.
 * Only {@code event} and the header fields are required; the brief shows the sections the
 * story has.
 *
 * @param kind       the kind of story (e.g. {@code agreement}, {@code ceasefire}): templates
 *                   under {@code templates/kinds/<kind>/} replace the defaults for it
 * @param dateline   the city of the dateline; default the event's city
 * @param headline   a story-specific headline claim; default the shared {@code brief.headline}
 * @param standfirst a story-specific standfirst claim; default the shared {@code brief.standfirst}
 */
public record Story(@JsonProperty(required = true) String id,
                    @JsonProperty(required = true) String kind,
                    @JsonProperty(required = true) ZoneId timeZone,
                    @JsonProperty(required = true) LocalDate published,
                    EntityRef dateline,
                    Claim headline,
                    Claim standfirst,
                    @JsonProperty(required = true) @NonEmpty List<Source> sources,
                    @JsonProperty(required = true) Map<String, Entity> entities,
                    @JsonProperty(required = true) Event event,
                    List<KeyFact> keyFacts,
                    List<Term> terms,
                    List<Section> sections,
                    List<TimelineEntry> timeline,
                    List<Benefit> benefits,
                    List<Quote> quotes) {

    public Story {
        Map<String, Entity> named = new LinkedHashMap<>();
        if (entities != null) {
            entities.forEach((key, entity) -> named.put(key, entity == null ? null : entity.withId(key)));
        }
        entities = Collections.unmodifiableMap(named);
        sources = copy(sources);
        keyFacts = copy(keyFacts);
        terms = copy(terms);
        sections = copy(sections);
        timeline = copy(timeline);
        benefits = copy(benefits);
        quotes = copy(quotes);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public Entity entity(EntityRef ref) {
        Entity entity = entities.get(ref.id());
        if (entity == null) {
            throw new IllegalArgumentException("Unknown entity '" + ref.id() + "' in story " + id);
        }
        return entity;
    }

    /** The city of the dateline: {@code dateline}, else the event's city, else none. */
    public EntityRef datelineCity() {
        return dateline != null ? dateline : event.city();
    }

    /** The people the story names, in declaration order. */
    public List<EntityRef> people() {
        return entities.values().stream()
                .filter(entity -> entity.kind() == Entity.Kind.PERSON)
                .map(entity -> EntityRef.of(entity.id()))
                .toList();
    }

    /** The timeline, oldest first. */
    public List<TimelineEntry> chronology() {
        return timeline.stream().sorted((a, b) -> a.date().compareTo(b.date())).toList();
    }

    /** Every claim in the story with the field path it sits at, in document order. */
    public Map<String, Claim> allClaims() {
        Map<String, Claim> all = new LinkedHashMap<>();
        if (headline != null) {
            all.put("headline", headline);
        }
        if (standfirst != null) {
            all.put("standfirst", standfirst);
        }
        for (int i = 0; i < event.details().size(); i++) {
            all.put("event.details[" + i + "]", event.details().get(i));
        }
        for (int i = 0; i < keyFacts.size(); i++) {
            if (keyFacts.get(i).text() != null) {
                all.put("keyFacts[" + i + "].text", keyFacts.get(i).text());
            }
        }
        for (int i = 0; i < terms.size(); i++) {
            all.put("terms[" + i + "]", terms.get(i).asClaim());
        }
        for (int s = 0; s < sections.size(); s++) {
            List<List<Claim>> paragraphs = sections.get(s).paragraphs();
            for (int p = 0; p < paragraphs.size(); p++) {
                for (int c = 0; c < paragraphs.get(p).size(); c++) {
                    all.put("sections[" + s + "].paragraphs[" + p + "][" + c + "]", paragraphs.get(p).get(c));
                }
            }
        }
        for (int i = 0; i < timeline.size(); i++) {
            all.put("timeline[" + i + "]", timeline.get(i).asClaim());
        }
        for (int b = 0; b < benefits.size(); b++) {
            for (int c = 0; c < benefits.get(b).claims().size(); c++) {
                all.put("benefits[" + b + "].claims[" + c + "]", benefits.get(b).claims().get(c));
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /** The message keys of every claim and section heading the story asks its languages for. */
    public Set<String> storyMessageKeys() {
        Set<String> keys = new LinkedHashSet<>();
        allClaims().values().forEach(claim -> keys.add(claim.messageKey()));
        sections.forEach(section -> keys.add(section.headingKey()));
        keyFacts.forEach(fact -> keys.add(fact.labelKey()));
        return keys;
    }
}
