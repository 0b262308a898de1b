package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One news story as data: the root of the model. Immutable; built by {@link StoryLoader}.
 * Sections other than {@code signing} are optional so that a smaller story still renders.
 */
public record Story(@JsonProperty(required = true) String id,
                    @JsonProperty(required = true) ZoneId timeZone,
                    @JsonProperty(required = true) LocalDate published,
                    @JsonProperty(required = true) Source source,
                    @JsonProperty(required = true) Map<String, Entity> entities,
                    @JsonProperty(required = true) Signing signing,
                    Conflict conflict,
                    Corridor corridor,
                    List<Benefit> benefits,
                    List<Quote> quotes,
                    Context context) {

    public Story {
        Map<String, Entity> named = new LinkedHashMap<>();
        entities.forEach((key, entity) -> named.put(key, entity.withId(key)));
        entities = java.util.Collections.unmodifiableMap(named);
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    public Entity entity(EntityRef ref) {
        Entity entity = entities.get(ref.id());
        if (entity == null) {
            throw new IllegalArgumentException("Unknown entity '" + ref.id() + "' in story " + id);
        }
        return entity;
    }

    /** The people the story names, in declaration order. */
    public List<EntityRef> people() {
        return entities.values().stream()
                .filter(entity -> entity.kind() == Entity.Kind.PERSON)
                .map(entity -> EntityRef.of(entity.id()))
                .toList();
    }

    /** Every claim in the story, in document order. */
    public List<Claim> allClaims() {
        List<Claim> all = new ArrayList<>();
        benefits.forEach(benefit -> all.addAll(benefit.claims()));
        if (context != null) {
            all.addAll(context.claims());
        }
        return all;
    }
}
