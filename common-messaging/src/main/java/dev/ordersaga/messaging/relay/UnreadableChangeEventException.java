package dev.ordersaga.messaging.relay;

import java.util.Optional;
import java.util.UUID;

/** A change event of the outbox table the relay cannot turn into a record; it is parked, not published. */
final class UnreadableChangeEventException extends RuntimeException {

    private final transient UUID messageId;

    /** @param messageId the row's id if it could be read, else null */
    UnreadableChangeEventException(String message, UUID messageId, Throwable cause) {
        super(message, cause);
        this.messageId = messageId;
    }

    Optional<UUID> messageId() {
        return Optional.ofNullable(messageId);
    }
}
