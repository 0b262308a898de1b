package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A section of prose: a heading (the message {@code section.<id>}) and paragraphs, each a
 * list of claims worded one after the other.
 */
public record Section(@JsonProperty(required = true) String id,
                      @JsonProperty(required = true) @NonEmpty List<List<Claim>> paragraphs) {
    public Section {
        paragraphs = paragraphs == null ? List.of() : paragraphs.stream().map(p -> p == null ? List.<Claim>of() : List.copyOf(p)).toList();
    }

    public String headingKey() {
        return "section." + id;
    }
}
