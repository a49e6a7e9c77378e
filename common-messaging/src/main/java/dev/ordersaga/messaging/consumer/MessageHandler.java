package dev.ordersaga.messaging.consumer;

import dev.ordersaga.schema.Message;

/**
 * Applies one message's effect. It runs inside the transaction that also records the message in the
 * inbox, so anything it sends through the outbox commits with it.
 */
@FunctionalInterface
public interface MessageHandler<T extends Message> {

    void handle(T message);
}
