package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/** Who signed what, where and when. */
public record Signing(@JsonProperty(required = true) LocalDate date,
                      @JsonProperty(required = true) EntityRef venue,
                      @JsonProperty(required = true) EntityRef city,
                      @JsonProperty(required = true) EntityRef host,
                      EntityRef mediator,
                      @JsonProperty(required = true) List<EntityRef> parties,
                      @JsonProperty(required = true) List<EntityRef> signatories) {
    public Signing {
        parties = List.copyOf(parties);
        signatories = List.copyOf(signatories);
    }
}
