package dev.newsbrief.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** One typed value, of the shapes claim arguments take. */
final class ArgDeserializer extends JsonDeserializer<Object> {
    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        return ClaimArgsDeserializer.typed(parser.currentName() == null ? "value" : parser.currentName(), node, context, true);
    }
}
