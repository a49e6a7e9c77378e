package dev.ordersaga.localstack.load;

import dev.ordersaga.schema.MessageType;
import java.util.Arrays;
import java.util.Optional;

/** The order events that end an order's saga, by their {@code message-type} header. */
enum FinalOutcome {

    APPROVED(MessageType.ORDER_APPROVED),
    REJECTED(MessageType.ORDER_REJECTED),
    CANCELLED(MessageType.ORDER_CANCELLED),
    REQUEST_REJECTED(MessageType.ORDER_REQUEST_REJECTED);

    private final MessageType messageType;

    FinalOutcome(MessageType messageType) {
        this.messageType = messageType;
    }

    String typeName() {
        return messageType.typeName();
    }

    static Optional<FinalOutcome> ofMessageType(String typeName) {
        return Arrays.stream(values()).filter(outcome -> outcome.typeName().equals(typeName)).findFirst();
    }
}
