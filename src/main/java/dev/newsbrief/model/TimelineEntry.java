package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/** A dated event of the story's past: a date to the year, month or day, and a claim. */
public record TimelineEntry(@JsonProperty(required = true) PartialDate date,
                            @JsonProperty(required = true) String claim,
                            @JsonDeserialize(using = ClaimArgsDeserializer.class) Map<String, Object> args) {

    public Claim asClaim() {
        return new Claim(claim, args);
    }
}
