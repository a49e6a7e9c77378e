package dev.ordersaga.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ordersaga.schema.Message;
import java.io.IOException;

/**
 * JSON for messages. Readers ignore unknown fields so that a producer on a newer, additive schema
 * version stays readable; a missing primitive is an error rather than a silent zero.
 */
public final class MessageCodec {

    private final ObjectMapper mapper;

    public MessageCodec() {
        this.mapper = JsonMapper.builder()
                .findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
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
        return mapper.readValue(json, type);
    }
}
