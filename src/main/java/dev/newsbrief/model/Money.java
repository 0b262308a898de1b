package dev.newsbrief.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An amount of money in an ISO 4217 currency, such as 25.5 billion pounds; formatted per
 * locale by ICU (symbol, grouping, scale words).
 *
 * @param amount   the amount in units of the currency (not minor units)
 * @param currency the ISO 4217 code, e.g. {@code GBP}
 */
public record Money(@JsonProperty(required = true) BigDecimal amount,
                    @JsonProperty(required = true) String currency) { }
