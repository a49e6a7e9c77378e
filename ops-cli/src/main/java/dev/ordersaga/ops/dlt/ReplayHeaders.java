package dev.ordersaga.ops.dlt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Provenance headers that {@code ops.sh dlt replay} adds to every record it republishes (UTF-8 strings, like
 * every header of the system). Consumers ignore them; they tell a reader of the original topic that a record
 * is a replay, and of which dead letter.
 */
public final class ReplayHeaders {

    /** The dead-letter topic the record was replayed from, e.g. {@code order.requests-dlt}. */
    public static final String REPLAYED_FROM_TOPIC = "replayed-from-topic";
    /** Its partition in that topic, decimal. */
    public static final String REPLAYED_FROM_PARTITION = "replayed-from-partition";
    /** Its offset in that partition, decimal. */
    public static final String REPLAYED_FROM_OFFSET = "replayed-from-offset";
    /** One UUID per replay run; the audit log records it too. */
    public static final String REPLAY_ID = "replay-id";

    static final List<String> ALL = List.of(REPLAYED_FROM_TOPIC, REPLAYED_FROM_PARTITION, REPLAYED_FROM_OFFSET, REPLAY_ID);

    private ReplayHeaders() {
    }

    static List<Header> of(DeadLetter letter, UUID replayId) {
        return List.of(
                header(REPLAYED_FROM_TOPIC, letter.topic()),
                header(REPLAYED_FROM_PARTITION, Integer.toString(letter.partition())),
                header(REPLAYED_FROM_OFFSET, Long.toString(letter.offset())),
                header(REPLAY_ID, replayId.toString()));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
