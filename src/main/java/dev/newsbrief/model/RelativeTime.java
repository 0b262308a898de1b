package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A time relative to the story's date, such as "next week"; worded by ICU per locale. */
public record RelativeTime(@JsonProperty(required = true) Direction direction,
                           @JsonProperty(required = true) Unit unit) {

    public enum Direction { LAST, THIS, NEXT }

    public enum Unit { DAY, WEEK, MONTH, YEAR }
}
