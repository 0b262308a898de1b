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

/** Types claim arguments by their YAML shape, so a claim needs no type annotations. */
final class ClaimArgsDeserializer extends JsonDeserializer<Map<String, Object>> {

    @Override
    public Map<String, Object> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        if (!node.isObject()) {
            return context.reportInputMismatch(this, "'args' must be a mapping of argument name to value");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (var field : node.properties()) {
            args.put(field.getKey(), typed(field.getKey(), field.getValue(), parser, context));
        }
        return args;
    }

    private Object typed(String name, JsonNode value, JsonParser parser, DeserializationContext context)
            throws IOException {
        if (value.isTextual()) {
            return EntityRef.of(value.asText());
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isArray()) {
            List<EntityRef> refs = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    return context.reportInputMismatch(this,
                            "argument '%s': a list may hold only entity ids", name);
                }
                refs.add(EntityRef.of(element.asText()));
            }
            return List.copyOf(refs);
        }
        if (value.isObject() && value.has("value") && value.has("unit")) {
            return context.readTreeAsValue(value, Quantity.class);
        }
        return context.reportInputMismatch(this,
                "argument '%s' must be an entity id, a list of entity ids, a number or {value, unit}", name);
    }
}
