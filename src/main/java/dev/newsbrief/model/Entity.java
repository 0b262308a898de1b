package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * A person, place, organisation or thing the story names. Only its kind and, for people,
 * their office are facts; every spelling lives in the lexicons of the languages.
 *
 * @param id     the key it is declared under, e.g. {@code aliyev}
 * @param kind   what sort of thing it is
 * @param office for people: the office held at the time of the story, e.g. {@code president}
 * @param of     for people: the country or organisation of that office
 */
public record Entity(String id,
                     @JsonProperty(required = true) Kind kind,
                     String office,
                     EntityRef of) {

    /** What an entity is; messages can {@code select} on it as {@code {x_kind}}. */
    public enum Kind {
        PERSON, COUNTRY, REGION, EXCLAVE, CITY, PLACE, RIVER, ORGANISATION, COMPANY, ARMED_GROUP,
        LAW, DOCUMENT, ROUTE, INFRASTRUCTURE, COMMODITY, EVENT;

        /** The id as stories write it: {@code armed-group}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind fromId(String id) {
            for (Kind kind : values()) {
                if (kind.id().equals(id.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("'" + id + "' is not an entity kind; use one of: "
                    + java.util.Arrays.stream(values()).map(Kind::id).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    Entity withId(String newId) {
        return new Entity(newId, kind, office, of);
    }
}
