package io.audience.api;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a list of ids in a request body as it streams and refuses it at its 501st value, before
 * the rest of the body is read or bound: no list in the API takes more than 500 ids (each endpoint
 * then checks its own, smaller maximum). Each value is read by the mapper's own string rules, so
 * what the default binding refused (a number, an object) is refused the same way.
 */
public final class BoundedIds extends ValueDeserializer<List<String>> {

    public static final int MAX = 500;

    @Override
    @SuppressWarnings("unchecked")
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) {
        if (!p.isExpectedStartArrayToken()) {
            return (List<String>) ctxt.handleUnexpectedToken(List.class, p);
        }
        String field = p.currentName();
        List<String> values = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (values.size() == MAX) {
                throw new ValidationFailed(field + " takes at most " + MAX + " values; the body was refused at the "
                        + (MAX + 1) + "th, before the rest was read");
            }
            values.add(token == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, String.class));
        }
        return values;
    }
}
