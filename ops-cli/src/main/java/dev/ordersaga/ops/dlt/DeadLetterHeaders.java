package dev.ordersaga.ops.dlt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The headers Spring Kafka's {@code DeadLetterPublishingRecoverer} adds to a dead letter (the names of its
 * {@code KafkaHeaders.DLT_*}). Partition, offset and timestamp are binary big-endian numbers, the rest UTF-8.
 */
final class DeadLetterHeaders {

    /** Every header Spring adds starts with it; none of them travels with a replayed record. */
    static final String PREFIX = "kafka_dlt-";

    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
    static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";
    /** Spring's wrapper, typically {@code ListenerExecutionFailedException}. */
    static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    /** The exception the listener really threw: the one worth showing. */
    static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String EXCEPTION_STACKTRACE = "kafka_dlt-exception-stacktrace";
    /** When the key, not the value, could not be deserialized. */
    static final String KEY_EXCEPTION_FQCN = "kafka_dlt-key-exception-fqcn";
    static final String KEY_EXCEPTION_MESSAGE = "kafka_dlt-key-exception-message";
    static final String KEY_EXCEPTION_STACKTRACE = "kafka_dlt-key-exception-stacktrace";

    private DeadLetterHeaders() {
    }

    static boolean isNumeric(String name) {
        return name.equals(ORIGINAL_PARTITION) || name.equals(ORIGINAL_OFFSET) || name.equals(ORIGINAL_TIMESTAMP);
    }

    /** A number written by Spring (4 or 8 bytes), or by anyone else as decimal text; {@code null} if neither. */
    static Long number(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length == Long.BYTES) {
            return ByteBuffer.wrap(bytes).getLong();
        }
        if (bytes.length == Integer.BYTES) {
            return (long) ByteBuffer.wrap(bytes).getInt();
        }
        try {
            return Long.parseLong(new String(bytes, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
