package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/**
 * A statement worded by the message {@code claim.<claim>} of each language, with typed
 * arguments: an entity id (a string), a list of entity ids, a number, or a quantity.
 */
public record Claim(@JsonProperty(required = true) String claim,
                    @JsonDeserialize(using = ClaimArgsDeserializer.class) Map<String, Object> args) {
    public Claim {
        args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }

    /** The message key that words this claim. */
    public String messageKey() {
        return "claim." + claim;
    }
}
