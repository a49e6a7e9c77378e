package dev.ordersaga.messaging.outbox;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.messaging.relay.OutboxMessage;
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
 *
 * <p>A message larger than the configured maximum is refused with {@link OutboxMessageTooLargeException}
 * before anything is written, so the caller's transaction rolls back instead of committing a row the relay
 * could never publish.
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox (id, aggregatetype, aggregateid, topic, type, schema_version, payload,
                                correlation_id, causation_id, traceparent)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""";
    private static final String DELETE = "DELETE FROM outbox WHERE id = ?";
    private static final String AGGREGATE_TYPE = "order";
    /** The width of {@code outbox.aggregateid} and {@code correlation_id}. */
    private static final int MAX_KEY_LENGTH = 64;

    private final JdbcTemplate jdbc;
    private final MessageCodec codec;
    private final int maxMessageBytes;

    /** @param maxMessageBytes the largest message accepted, payload and headers in UTF-8 bytes */
    public Outbox(JdbcTemplate jdbc, MessageCodec codec, int maxMessageBytes) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.maxMessageBytes = maxMessageBytes;
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
        String payload = codec.encode(message);
        UUID causationId = cause.map(MessageContext::messageId).orElse(null);
        String traceparent = Traceparent.childOf(cause.map(MessageContext::traceparent).orElse(null));
        long size = new OutboxMessage(messageId.toString(), type.topic(), key, type.typeName(), type.schemaVersion(),
                payload, key, causationId == null ? null : causationId.toString(), traceparent, 0L).serializedSize();
        if (size > maxMessageBytes) {
            throw new OutboxMessageTooLargeException(type.typeName(), size, maxMessageBytes);
        }
        jdbc.update(INSERT,
                messageId,
                AGGREGATE_TYPE,
                key,
                type.topic(),
                type.typeName(),
                type.schemaVersion(),
                payload,
                key,
                causationId,
                traceparent);
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
        return cause.map(MessageContext::key).filter(Outbox::usableAsKey).orElse(messageId.toString());
    }

    /**
     * A producer's record key is theirs to choose, of any length; one longer than the key column (an order id is
     * 36 characters) is no order id, and would fail the insert. The answer then goes out on its own message id,
     * and the producer still finds it by its {@code causation-id} header, the id of the request it answers.
     */
    private static boolean usableAsKey(String key) {
        return !key.isBlank() && key.length() <= MAX_KEY_LENGTH;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "Outbox.send needs a transaction: the message must commit or roll back with the state change");
        }
    }
}
