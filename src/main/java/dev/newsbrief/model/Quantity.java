package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A number with a unit, such as 32 kilometres or 99 years; formatted per locale by ICU. */
public record Quantity(@JsonProperty(required = true) BigDecimal value,
                       @JsonProperty(required = true) Unit unit) {

    /** Units a story may use; each maps to the CLDR unit of the same identifier. */
    public enum Unit {
        KILOMETER, METER, MILE, YEAR, DECADE, MONTH, WEEK, DAY, HOUR, PERCENT;

        /** The CLDR/ICU unit identifier, e.g. {@code kilometer}. */
        public String cldrId() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
