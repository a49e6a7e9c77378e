package dev.ordersaga.messaging.outbox;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.messaging.tracing.Traceparent;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a message by writing it to the {@code outbox} table in the caller's transaction; the relay
 * publishes it once that transaction commits, and never if it rolls back. The row is deleted in the
 * same transaction: logical decoding still sees the insert, and the table never grows.
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox (id, aggregatetype, aggregateid, topic, type, schema_version, payload,
                                correlation_id, causation_id, traceparent)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""";
    private static final String DELETE = "DELETE FROM outbox WHERE id = ?";
    private static final String AGGREGATE_TYPE = "order";

    private final JdbcTemplate jdbc;
    private final MessageCodec codec;

    public Outbox(JdbcTemplate jdbc, MessageCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** Sends with a fresh message id. */
    public UUID send(Message message) {
        return send(message, UUID.randomUUID());
    }

    /**
     * Sends with a caller-chosen message id, so a re-sent command carries the id its receiver already
     * recorded in its inbox.
     */
    public UUID send(Message message, UUID messageId) {
        requireTransaction();
        MessageType type = MessageType.of(message);
        Optional<MessageContext> cause = MessageContext.current();
        String key = keyOf(message, cause, messageId);
        jdbc.update(INSERT,
                messageId,
                AGGREGATE_TYPE,
                key,
                type.topic(),
                type.typeName(),
                type.schemaVersion(),
                codec.encode(message),
                key,
                cause.map(MessageContext::messageId).orElse(null),
                Traceparent.childOf(cause.map(MessageContext::traceparent).orElse(null)));
        jdbc.update(DELETE, messageId);
        return messageId;
    }

    /**
     * The order id; for the rare message without one (a request rejected for lacking it) the key of the
     * message being answered, so the answer lands in the requester's partition, else the message id.
     */
    private static String keyOf(Message message, Optional<MessageContext> cause, UUID messageId) {
        if (message.orderId() != null) {
            return message.orderId().toString();
        }
        return cause.map(MessageContext::key).filter(key -> !key.isBlank()).orElse(messageId.toString());
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "Outbox.send needs a transaction: the message must commit or roll back with the state change");
        }
    }
}
