package dev.ordersaga.messaging.relay;

import java.util.List;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The send failures that no retry can cure for that one record: it is too large for the producer or the topic,
 * cannot be serialized, names an invalid topic, or the topic refuses it. Only these park a row. Anything else
 * (broker unreachable, timeouts, not enough replicas, missing authorization, an unknown topic) may pass, so the
 * batch fails and is retried, as it would be for any outage.
 */
final class PermanentSendFailures {

    private static final List<Class<? extends Throwable>> PERMANENT = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            SerializationException.class,
            InvalidTopicException.class,
            InvalidRecordException.class);

    private PermanentSendFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        return PERMANENT.stream().anyMatch(type -> type.isInstance(failure));
    }
}
