package dev.ordersaga.messaging.relay;

import dev.ordersaga.schema.Headers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One outbox row as the relay publishes it: captured from the WAL, or (for {@code Outbox.send}'s size check) as it
 * is about to be written, so that both count the same headers.
 *
 * @param id                the message id
 * @param topic             the destination topic
 * @param key               the record key: the order id
 * @param type              the message type name
 * @param schemaVersion     the payload's schema version
 * @param payload           the payload JSON text
 * @param correlationId     the order id, may be null
 * @param causationId       the id of the message that caused this one, may be null
 * @param traceparent       W3C trace context, may be null
 * @param committedAtMillis when the inserting transaction committed
 */
public record OutboxMessage(String id, String topic, String key, String type, int schemaVersion, String payload,
                     String correlationId, String causationId, String traceparent, long committedAtMillis) {

    ProducerRecord<String, byte[]> toProducerRecord() {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
        headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The record's headers, name to value, in order; a header without a value is left out. */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Headers.MESSAGE_ID, id);
        headers.put(Headers.MESSAGE_TYPE, type);
        headers.put(Headers.SCHEMA_VERSION, Integer.toString(schemaVersion));
        if (correlationId != null) {
            headers.put(Headers.CORRELATION_ID, correlationId);
        }
        if (causationId != null) {
            headers.put(Headers.CAUSATION_ID, causationId);
        }
        if (traceparent != null) {
            headers.put(Headers.TRACEPARENT, traceparent);
        }
        return headers;
    }

    /**
     * The published record's size in UTF-8 bytes: key, value, and the name and value of every header. Counted without
     * encoding, since a message too large to send may be large indeed.
     */
    public long serializedSize() {
        long size = utf8Length(key) + utf8Length(payload);
        for (Map.Entry<String, String> header : headers().entrySet()) {
            size += utf8Length(header.getKey()) + utf8Length(header.getValue());
        }
        return size;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
