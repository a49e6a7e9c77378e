package dev.ordersaga.messaging.relay;

import java.util.Map;
import java.util.UUID;

/**
 * An outbox row the relay could not publish, as it is kept in {@code outbox_parked}.
 *
 * @param id      the message id
 * @param topic   the destination topic, null when the change event could not be read
 * @param key     the record key, null when the change event could not be read
 * @param type    the message type, null when the change event could not be read
 * @param headers the headers the record would have carried
 * @param payload the record's value, or the whole change event when it could not be read
 * @param failure why it could not be published
 */
record ParkedRow(UUID id, String topic, String key, String type, Map<String, String> headers, String payload,
                 Throwable failure) {

    static ParkedRow of(OutboxMessage message, Throwable failure) {
        return new ParkedRow(UUID.fromString(message.id()), message.topic(), message.key(), message.type(),
                message.headers(), message.payload(), failure);
    }

    /**
     * Without a readable id, a random one: if the engine restarts before the batch's position is stored, such a
     * row is parked a second time, which is rare on rare and loses nothing.
     */
    static ParkedRow unreadable(String changeEvent, UnreadableChangeEventException failure) {
        return new ParkedRow(failure.messageId().orElseGet(UUID::randomUUID), null, null, null, Map.of(),
                changeEvent, failure);
    }

    /** What is stored and logged: the failure's class and message. */
    String reason() {
        return failure.toString();
    }

    /** The metric's reason tag: the failure's simple class name, e.g. RecordTooLargeException. */
    String reasonClass() {
        return failure.getClass().getSimpleName();
    }
}
