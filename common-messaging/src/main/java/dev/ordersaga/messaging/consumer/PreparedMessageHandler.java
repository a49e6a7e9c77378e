package dev.ordersaga.messaging.consumer;

/**
 * A handler with work that must not run inside a database transaction (e.g. a remote call). Declared with
 * {@link MessageSubscription#onPrepared}; the message's {@link dev.ordersaga.messaging.MessageContext} and log
 * fields are set in both steps.
 *
 * @param <T> the message type
 * @param <P> what {@link #prepare} hands to {@link #apply}
 */
public interface PreparedMessageHandler<T, P> {

    /**
     * Runs outside any transaction, before the inbox transaction; may run short transactions of its own. Not
     * called for a message the inbox already holds. A failure is handled like a handler's: retried if transient,
     * else dead-lettered. A redelivered message may be prepared again, so this must be safe to repeat.
     */
    P prepare(T message);

    /** Runs in the inbox transaction, exactly like {@link MessageHandler#handle}, with what prepare returned. */
    void apply(T message, P prepared);
}
