package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A row of the key-facts table beyond those the event gives: a label (the message
 * {@code fact.<label>}) and either a typed value, formatted by its type (an entity by its
 * label, a quantity with its unit, money, a date…), or a claim that words the value.
 */
public record KeyFact(@JsonProperty(required = true) String label,
                      @JsonDeserialize(using = ArgDeserializer.class) Object value,
                      Claim text) {

    /** The message key of the label. */
    public String labelKey() {
        return "fact." + label;
    }
}
