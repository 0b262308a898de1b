package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What one party gains from the agreement. */
public record Benefit(@JsonProperty(required = true) EntityRef party,
                      @JsonProperty(required = true) @NonEmpty List<Claim> claims) {
    public Benefit {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }
}
