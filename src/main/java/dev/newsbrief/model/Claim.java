package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A statement of the story, worded by the message {@code claim.<claim>} of each language
 * (from the story's bundle, or the shared translations when the wording is true of any
 * story), with typed arguments (see {@link ClaimArgsDeserializer} for the shapes).
 */
public record Claim(@JsonProperty(required = true) String claim,
                    @JsonDeserialize(using = ClaimArgsDeserializer.class) Map<String, Object> args) {
    public Claim {
        args = args == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** The message key that words this claim. */
    public String messageKey() {
        return "claim." + claim;
    }
}
