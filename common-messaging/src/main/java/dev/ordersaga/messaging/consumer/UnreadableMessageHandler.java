package dev.ordersaga.messaging.consumer;

/**
 * Answers an {@link UnreadableMessage}, for a subscription that opted in with
 * {@link MessageSubscription#onUnreadable}. It runs inside the transaction that records the message in the
 * inbox, so anything it sends through the outbox commits with it.
 */
@FunctionalInterface
public interface UnreadableMessageHandler {

    void handle(UnreadableMessage message);
}
