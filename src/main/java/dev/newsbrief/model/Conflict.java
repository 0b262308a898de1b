package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Year;
import java.util.List;

/** The conflict the agreement ends. */
public record Conflict(@JsonProperty(required = true) EntityRef region,
                       EntityRef recognisedAsPartOf,
                       EntityRef populatedBy,
                       @JsonProperty(required = true) Quantity durationAtLeast,
                       Quantity stalemate,
                       @JsonProperty(required = true) List<Year> wars,
                       EntityRef controlRegainedBy,
                       Year controlRegainedIn) {
    public Conflict {
        wars = List.copyOf(wars);
    }
}
