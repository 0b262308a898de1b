package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A person, place or organisation the story names. Only its kind and, for people,
 * their office are facts; every spelling lives in the lexicon of each language.
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

    public enum Kind { PERSON, COUNTRY, REGION, EXCLAVE, CITY, PLACE, ORGANISATION, LAW, ROUTE, INFRASTRUCTURE }

    Entity withId(String newId) {
        return new Entity(newId, kind, office, of);
    }
}
