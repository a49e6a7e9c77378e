package dev.ordersaga.testkit;

import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Message;
import java.util.Map;
import java.util.UUID;

/**
 * A record a {@link KafkaTestClient} read back: where it travelled, its key, its envelope headers
 * and its value decoded into the message its {@code message-type} header names. Tests assert on the
 * envelope as well as on the message, because the envelope is part of the contract.
 *
 * @param topic   the topic it was read from
 * @param key     the record key, the order id for every message that has one
 * @param headers header values as UTF-8 strings; a repeated header keeps its last value
 * @param message the decoded value
 */
public record ReceivedRecord(String topic, String key, Map<String, String> headers, Message message) {

    /** The header's value, or null when the record does not carry it. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The {@code message-type} header, e.g. {@code OrderPlaced}. */
    public String type() {
        return header(Headers.MESSAGE_TYPE);
    }

    /** The {@code message-id} header: the id consumers deduplicate on. */
    public UUID messageId() {
        return UUID.fromString(header(Headers.MESSAGE_ID));
    }

    public boolean carries(Class<? extends Message> type) {
        return type.isInstance(message);
    }

    /** The message as {@code type}; fails when the record carries another type. */
    public <T extends Message> T message(Class<T> type) {
        return type.cast(message);
    }
}
