package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * Where the facts come from.
 *
 * @param outlet   who published it (free text, kept as written: "Associated Press")
 * @param title    its title, in its own language
 * @param language the BCP 47 tag of the title
 * @param date     when it was published, if known
 * @param url      where to read it; {@code http} or {@code https} only
 */
public record Source(String outlet,
                     @JsonProperty(required = true) String title,
                     @JsonProperty(required = true) String language,
                     LocalDate date,
                     String url) { }
