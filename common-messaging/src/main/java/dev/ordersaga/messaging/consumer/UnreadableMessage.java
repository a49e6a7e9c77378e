package dev.ordersaga.messaging.consumer;

import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.json.BindingViolation;
import java.util.List;
import java.util.UUID;

/**
 * A record whose value is a JSON object, within the limits, that does not fit its type: a value of the wrong
 * JSON type, a number that would have to be coerced, an order id that is not a UUID.
 *
 * @param type       the message type its header names
 * @param orderId    the document's {@code orderId} when that is a UUID, else null
 * @param violations why it does not fit, by JSON path
 */
public record UnreadableMessage(MessageType type, UUID orderId, List<BindingViolation> violations) {

    public UnreadableMessage {
        violations = List.copyOf(violations);
    }
}
