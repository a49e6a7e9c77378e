package dev.ordersaga.messaging.consumer;

import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.json.Echo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * The log fields (MDC) of the record being handled: its order id (the key), and once decoded its type and id.
 * Closing puts back what was there before, so nothing leaks into the next record's lines.
 */
final class LogFields implements AutoCloseable {

    /** An order id is 36 characters; a producer's key may be any length, and goes into every log line. */
    private static final int MDC_KEY_LENGTH = 64;

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogFields() {
    }

    static LogFields of(ConsumerRecord<byte[], byte[]> record) {
        return new LogFields().put("orderId", Echo.prefix(Delivery.key(record), MDC_KEY_LENGTH));
    }

    static LogFields of(ConsumerRecord<byte[], byte[]> record, MessageType type, UUID messageId) {
        return of(record).put("messageType", type.typeName()).put("messageId", messageId.toString());
    }

    static LogFields of(Delivery delivery) {
        return of(delivery.record(), delivery.type(), delivery.messageId());
    }

    private LogFields put(String field, String value) {
        previous.putIfAbsent(field, MDC.get(field));
        if (value == null) {
            MDC.remove(field);
        } else {
            MDC.put(field, value);
        }
        return this;
    }

    @Override
    public void close() {
        previous.forEach((field, value) -> {
            if (value == null) {
                MDC.remove(field);
            } else {
                MDC.put(field, value);
            }
        });
    }
}
