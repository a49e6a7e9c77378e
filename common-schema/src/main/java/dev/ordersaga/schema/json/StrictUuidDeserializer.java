package dev.ordersaga.schema.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.UUIDDeserializer;
import java.io.IOException;
import java.util.UUID;

/**
 * Jackson's UUID reader, without its leniency: it trims the text first, and it also takes 24 characters of
 * Base64. The schemas' pattern (8-4-4-4-12 hex digits) allows neither.
 */
final class StrictUuidDeserializer extends UUIDDeserializer {

    private static final long serialVersionUID = 1L;
    private static final int CANONICAL_LENGTH = 36;

    @Override
    public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING) && p.getText().length() != CANONICAL_LENGTH) {
            return notCanonical(p.getText(), ctxt);
        }
        return super.deserialize(p, ctxt);
    }

    @Override
    protected UUID _deserialize(String id, DeserializationContext ctxt) throws IOException {
        if (id.length() != CANONICAL_LENGTH) {
            return notCanonical(id, ctxt);
        }
        return super._deserialize(id, ctxt);
    }

    private UUID notCanonical(String id, DeserializationContext ctxt) throws IOException {
        return (UUID) ctxt.handleWeirdStringValue(handledType(), id,
                "UUID has to be represented by standard 36-char representation");
    }
}
