package dev.ordersaga.order.decision;

import java.util.UUID;

/**
 * A command named an order this service never stored. Not transient and never silently dropped: the
 * record is dead-lettered, where an operator can see it and replay it once the cause is fixed.
 */
class UnknownOrderException extends RuntimeException {

    UnknownOrderException(String command, UUID orderId) {
        super(command + " for unknown order " + orderId);
    }
}
