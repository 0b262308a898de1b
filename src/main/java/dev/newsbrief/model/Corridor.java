package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A transport and energy route created by the agreement. */
public record Corridor(@JsonProperty(required = true) EntityRef route,
                       @JsonProperty(required = true) Quantity length,
                       @JsonProperty(required = true) EntityRef origin,
                       @JsonProperty(required = true) EntityRef destination,
                       @JsonProperty(required = true) EntityRef through,
                       @JsonProperty(required = true) List<EntityRef> components,
                       EntityRef developedUnder,
                       EntityRef sovereignty,
                       Quantity lease,
                       Integer firmsAtLeast,
                       RelativeTime talksBegin,
                       List<EntityRef> accessTo) {
    public Corridor {
        components = List.copyOf(components);
        accessTo = accessTo == null ? List.of() : List.copyOf(accessTo);
    }
}
