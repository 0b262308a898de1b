package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the facts come from. */
public record Source(@JsonProperty(required = true) String title,
                     @JsonProperty(required = true) String language,
                     String url) { }
