package dev.ordersaga.messaging;

/**
 * Every message-size limit the library sets, derived from two settings so that they cannot disagree (see
 * docs/adr/0009-message-size-limits-and-parked-rows.md). Built once at start-up: an inconsistent configuration
 * stops the service there instead of leaving it with an outbox the relay cannot publish.
 *
 * @param outboxMaxMessageBytes the largest message {@code Outbox.send} accepts, payload and headers
 * @param topicMaxMessageBytes  every topic's {@code max.message.bytes}, and the relay producer's {@code max.request.size}
 */
public record MessageSizeLimits(int outboxMaxMessageBytes, int topicMaxMessageBytes) {

    /**
     * What dead-lettering may add to a record that its topic accepted: the {@code kafka_dlt-*} headers, whose
     * exception message and stack trace are capped at 10 KiB together, with room to spare.
     */
    public static final int DEAD_LETTER_HEADROOM_BYTES = 64 * 1024;
    /**
     * What one consumer fetch may return, well below Kafka's 50 MiB: a service runs a few consumers in a small heap.
     * Still above one full fetch of the three partitions a consumer owns by default.
     */
    public static final int CONSUMER_FETCH_MAX_BYTES = 8 * 1024 * 1024;

    public MessageSizeLimits {
        if (outboxMaxMessageBytes <= 0) {
            throw new IllegalArgumentException(
                    "messaging.outbox.max-message-bytes must be positive, not " + outboxMaxMessageBytes);
        }
        // PostgreSQL's jsonb re-renders the payload the relay reads (a space after every ':' and ',', at most
        // half as long again), and the relay adds headers: half the topic limit leaves room for both.
        if (outboxMaxMessageBytes > topicMaxMessageBytes / 2) {
            throw new IllegalArgumentException("messaging.outbox.max-message-bytes (" + outboxMaxMessageBytes
                    + ") must be at most half of messaging.topics.max-message-bytes (" + topicMaxMessageBytes
                    + "), so that every message the outbox accepts can be published");
        }
    }

    public static MessageSizeLimits of(MessagingProperties properties) {
        return new MessageSizeLimits(
                properties.getOutbox().getMaxMessageBytes(), properties.getTopics().getMaxMessageBytes());
    }

    /** Dead-letter topics' {@code max.message.bytes} and the dead-letter producer's {@code max.request.size}. */
    public int deadLetterMaxMessageBytes() {
        return topicMaxMessageBytes + DEAD_LETTER_HEADROOM_BYTES;
    }
}
