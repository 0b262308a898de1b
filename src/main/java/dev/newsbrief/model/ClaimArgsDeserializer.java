package dev.newsbrief.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types claim arguments by their YAML shape, so a claim needs no type annotations:
 * a string is an entity id; a number a number; {@code {value, unit}} a quantity;
 * {@code {amount, currency}} money; {@code {year: 2020}}, {@code {month: 2025-01}} or
 * {@code {day: 2025-08-08}} a date of that precision; {@code {direction, unit}} a time
 * relative to the story ("next week"); a list holds values of one of these shapes.
 */
final class ClaimArgsDeserializer extends JsonDeserializer<Map<String, Object>> {
    static final String SHAPES = "an entity id, a number, {value, unit}, {amount, currency}, {year: …}, {month: …}, {day: …}, "
            + "{direction, unit} or a list of these";

    @Override
    public Map<String, Object> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        if (!node.isObject()) {
            return context.reportInputMismatch(this, "'args' must be a mapping of argument name to value");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (var field : node.properties()) {
            args.put(field.getKey(), typed(field.getKey(), field.getValue(), context, true));
        }
        return args;
    }

    static Object typed(String name, JsonNode value, DeserializationContext context, boolean listAllowed) throws IOException {
        if (value.isTextual()) {
            return EntityRef.of(value.asText());
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isArray() && listAllowed) {
            List<Object> items = new ArrayList<>();
            for (JsonNode element : value) {
                items.add(typed(name, element, context, false));
            }
            if (items.isEmpty()) {
                return context.reportInputMismatch(Object.class, "argument '%s' is an empty list; give at least one value", name);
            }
            if (items.stream().map(Object::getClass).distinct().count() > 1) {
                return context.reportInputMismatch(Object.class, "argument '%s' mixes kinds of value in one list", name);
            }
            return List.copyOf(items);
        }
        if (value.isObject()) {
            if (value.size() == 1 && (value.has("year") || value.has("month") || value.has("day"))) {
                JsonNode date = value.elements().next();
                try {
                    return date.isInt() ? PartialDate.ofYear(date.asInt()) : PartialDate.parse(date.asText());
                } catch (IllegalArgumentException e) {
                    return context.reportInputMismatch(Object.class, "argument '%s': %s", name, e.getMessage());
                }
            }
            if (value.has("value") && value.has("unit")) {
                return context.readTreeAsValue(value, Quantity.class);
            }
            if (value.has("amount") && value.has("currency")) {
                return context.readTreeAsValue(value, Money.class);
            }
            if (value.has("direction") && value.has("unit")) {
                return context.readTreeAsValue(value, RelativeTime.class);
            }
        }
        return context.reportInputMismatch(Object.class, "argument '%s' must be %s", name, listAllowed ? SHAPES : SHAPES.replace(" or a list of these", " (lists cannot nest)"));
    }
}
