package dev.ordersaga.messaging.relay;

import dev.ordersaga.schema.Headers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One inserted outbox row, as captured from the WAL.
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
record OutboxMessage(String id, String topic, String key, String type, int schemaVersion, String payload,
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
}
