package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A reference, by id, to an entity declared under {@code entities:} in the story.
 * Its names in every language and case come from the lexicon, never from the model.
 */
public record EntityRef(String id) {
    public EntityRef {
        Objects.requireNonNull(id, "The parameter 'id' must not be null");
    }

    @JsonCreator
    public static EntityRef of(String id) {
        return new EntityRef(id);
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
