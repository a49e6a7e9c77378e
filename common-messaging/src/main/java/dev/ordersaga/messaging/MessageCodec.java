package dev.ordersaga.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.json.StrictJson;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * JSON for messages, read by {@link StrictJson}'s rules on every topic: a number is never coerced, a document
 * has bounds. Readers ignore unknown fields so that a producer on a newer, additive schema version stays
 * readable; a missing primitive is an error rather than a silent zero.
 *
 * <p>A consumer reads a record in one pass, {@link #readObject}, with the same mapper and so the same rules. Only
 * when that fails does it read again in two steps, {@link #parse} then {@link #bind}, to tell bytes that are no
 * JSON document at all from a document that does not fit its type, and still see the document's order id: the
 * valid message, the common case, costs one JSON pass instead of two.
 */
public final class MessageCodec {

    private static final String ORDER_ID = "orderId";

    private final ObjectMapper mapper;

    public MessageCodec() {
        this.mapper = StrictJson.applyTo(JsonMapper.builder()
                .findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build());
    }

    public String encode(Message message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialize " + message.getClass().getSimpleName(), e);
        }
    }

    /** @throws IOException when the bytes are not a JSON document of that type */
    public <T extends Message> T decode(byte[] json, Class<T> type) throws IOException {
        return bind(parse(json), type);
    }

    /**
     * Binds the bytes straight to {@code type}, by the same rules as {@link #parse} and {@link #bind}: the value must
     * be one JSON object within {@link StrictJson}'s limits that fits {@code type}.
     *
     * @throws IOException when it is not; the exception does not say why in a producer's terms (read again with
     *                     {@link #parse} and {@link #bind} for that)
     */
    public <T extends Message> T readObject(byte[] json, Class<T> type) throws IOException {
        StrictJson.requireWithinDocumentLimit(json.length);
        try (JsonParser parser = mapper.createParser(json)) {
            // Anything but an object (null, a string a single-argument creator might take) is for the tree pass.
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw MismatchedInputException.from(parser, type, "not a JSON object");
            }
            return mapper.readValue(parser, type);
        }
    }

    /**
     * @return the document's tree, a {@code NullNode} for JSON {@code null}
     * @throws IOException when the bytes are not one JSON document within {@link StrictJson}'s limits
     */
    public JsonNode parse(byte[] json) throws IOException {
        StrictJson.requireWithinDocumentLimit(json.length);
        return mapper.readTree(json);
    }

    /** @throws JsonMappingException naming the first value that does not fit {@code type} */
    public <T extends Message> T bind(JsonNode document, Class<T> type) throws JsonMappingException {
        try {
            return mapper.treeToValue(document, type);
        } catch (JsonMappingException e) {
            throw e;
        } catch (JsonProcessingException e) {
            // The tree is parsed already: whatever fails now is binding, e.g. a number out of its type's range.
            throw new JsonMappingException(null, e.getOriginalMessage(), e);
        }
    }

    /** The document's {@code orderId} when it is a UUID, read by the same rules as the whole message. */
    public Optional<UUID> orderIdOf(JsonNode document) {
        JsonNode orderId = document.path(ORDER_ID);
        if (!orderId.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.treeToValue(orderId, UUID.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
