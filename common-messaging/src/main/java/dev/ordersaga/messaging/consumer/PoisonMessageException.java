package dev.ordersaga.messaging.consumer;

/**
 * A record that can never be processed as it is: undeserializable bytes, a missing or invalid header,
 * an unknown type. It goes straight to the dead-letter topic, with this message as the reason.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
