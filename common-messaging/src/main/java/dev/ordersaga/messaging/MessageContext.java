package dev.ordersaga.messaging;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The message being handled on this thread. The outbox reads it to stamp what a handler sends with
 * causation, correlation and trace headers, so handlers never pass envelopes around.
 *
 * @param messageId   the handled message's id
 * @param messageType its type name
 * @param topic       where it came from
 * @param key         its Kafka key, may be null; answers to a message without an order id keep it
 * @param traceparent its W3C trace context, may be null
 */
public record MessageContext(UUID messageId, String messageType, String topic, String key, String traceparent) {

    private static final ThreadLocal<MessageContext> CURRENT = new ThreadLocal<>();

    public static Optional<MessageContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static <T> T callWithin(MessageContext context, Supplier<T> work) {
        MessageContext previous = CURRENT.get();
        CURRENT.set(context);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
