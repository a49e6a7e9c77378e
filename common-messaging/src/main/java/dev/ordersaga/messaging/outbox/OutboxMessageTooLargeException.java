package dev.ordersaga.messaging.outbox;

/**
 * {@link Outbox#send} refused a message larger than {@code messaging.outbox.max-message-bytes}. Thrown inside the
 * sender's transaction, so nothing of it commits; a message handler that throws it has its input dead-lettered with
 * this reason, since no retry can make the message smaller.
 */
public class OutboxMessageTooLargeException extends RuntimeException {

    private final String messageType;
    private final long sizeBytes;
    private final int maxBytes;

    OutboxMessageTooLargeException(String messageType, long sizeBytes, int maxBytes) {
        super(messageType + " is " + sizeBytes + " bytes (payload and headers), over the outbox limit of " + maxBytes
                + " bytes (messaging.outbox.max-message-bytes); it was not sent and its transaction rolls back");
        this.messageType = messageType;
        this.sizeBytes = sizeBytes;
        this.maxBytes = maxBytes;
    }

    public String messageType() {
        return messageType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
