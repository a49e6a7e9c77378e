package dev.ordersaga.ops.dlt;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Which dead letters a command works on. Every criterion is optional, and a record is selected when it meets all
 * the given ones.
 *
 * @param partition  only this partition of the dead-letter topic
 * @param fromOffset offsets from this one, inclusive
 * @param toOffset   offsets up to this one, inclusive
 * @param since      dead-lettered at or after (the dead letter's own timestamp)
 * @param until      dead-lettered at or before
 * @param key        the record key, exactly (as UTF-8 text)
 * @param orderId    the key, or the JSON value's {@code orderId}, is this order id
 * @param exception  the exception class (the cause's, else Spring's wrapper's) contains this, ignoring case
 * @param type       the {@code message-type} header, exactly
 */
record DeadLetterFilter(Integer partition, Long fromOffset, Long toOffset, Instant since, Instant until,
                        String key, UUID orderId, String exception, String type) {

    static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null, null, null, null, null, null);

    boolean includesPartition(int candidate) {
        return partition == null || partition == candidate;
    }

    /** Where reading a partition starts, given its first offset. */
    long startOffset(long beginning) {
        return fromOffset == null ? beginning : Math.max(beginning, fromOffset);
    }

    /** Where reading a partition stops (exclusive), given its end offset. */
    long endOffset(long end) {
        return toOffset == null ? end : Math.min(end, toOffset + 1);
    }

    boolean matches(DeadLetter letter) {
        return includesPartition(letter.partition())
                && (fromOffset == null || letter.offset() >= fromOffset)
                && (toOffset == null || letter.offset() <= toOffset)
                && (since == null || !letter.timestamp().isBefore(since))
                && (until == null || !letter.timestamp().isAfter(until))
                && (key == null || key.equals(letter.keyText()))
                && (orderId == null || matchesOrderId(letter))
                && (exception == null || letter.exceptionClass().toLowerCase(Locale.ROOT).contains(exception.toLowerCase(Locale.ROOT)))
                && (type == null || type.equals(letter.messageType()));
    }

    private boolean matchesOrderId(DeadLetter letter) {
        return letter.keyAsUuid().filter(orderId::equals).isPresent()
                || letter.payloadOrderId().filter(orderId::equals).isPresent();
    }
}
