package dev.ordersaga.messaging.relay;

import dev.ordersaga.schema.Headers;
import java.nio.charset.StandardCharsets;
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
        header(record, Headers.MESSAGE_ID, id);
        header(record, Headers.MESSAGE_TYPE, type);
        header(record, Headers.SCHEMA_VERSION, Integer.toString(schemaVersion));
        header(record, Headers.CORRELATION_ID, correlationId);
        header(record, Headers.CAUSATION_ID, causationId);
        header(record, Headers.TRACEPARENT, traceparent);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
