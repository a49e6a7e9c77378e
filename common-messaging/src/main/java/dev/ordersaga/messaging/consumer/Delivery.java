package dev.ordersaga.messaging.consumer;

import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.schema.MessageType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One decoded record of a poll and the handler that applies it: its position in the poll, its envelope, and
 * what its preparation returned.
 */
final class Delivery {

    private final int index;
    private final ConsumerRecord<byte[], byte[]> record;
    private final UUID messageId;
    private final MessageType type;
    private final String traceparent;
    private final Object payload;
    private final PreparedMessageHandler<Object, Object> handler;
    private Object prepared;

    @SuppressWarnings("unchecked")
    Delivery(int index, ConsumerRecord<byte[], byte[]> record, UUID messageId, MessageType type, String traceparent,
             Object payload, PreparedMessageHandler<?, Object> handler) {
        this.index = index;
        this.record = record;
        this.messageId = messageId;
        this.type = type;
        this.traceparent = traceparent;
        this.payload = payload;
        this.handler = (PreparedMessageHandler<Object, Object>) handler;
    }

    /** Where the record stands in its poll: what a {@code BatchListenerFailedException} points at. */
    int index() {
        return index;
    }

    ConsumerRecord<byte[], byte[]> record() {
        return record;
    }

    UUID messageId() {
        return messageId;
    }

    MessageType type() {
        return type;
    }

    boolean needsPreparation() {
        return !(handler instanceof TransactionalOnly);
    }

    void prepare() {
        prepared = within(() -> handler.prepare(payload));
    }

    void apply() {
        within(() -> {
            handler.apply(payload, prepared);
            return null;
        });
    }

    private <R> R within(Supplier<R> work) {
        MessageContext context = new MessageContext(messageId, type.typeName(), record.topic(), key(record), traceparent);
        try (LogFields fields = LogFields.of(this)) {
            return MessageContext.callWithin(context, work);
        }
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }
}
