package dev.ordersaga.ops.dlt;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The record a replay sends: the dead letter's key, value and headers, minus Spring's {@code kafka_dlt-*} ones
 * (they would describe a failure that has not happened to this record) and minus the provenance of any earlier
 * replay, plus this replay's {@link ReplayHeaders}. The partition is left to the key, as for the original.
 */
final class Republication {

    private Republication() {
    }

    static ProducerRecord<byte[], byte[]> of(DeadLetter letter, String target, UUID replayId) {
        List<Header> headers = new ArrayList<>();
        letter.headers().stream()
                .filter(header -> !header.key().startsWith(DeadLetterHeaders.PREFIX))
                .filter(header -> !ReplayHeaders.ALL.contains(header.key()))
                .forEach(headers::add);
        headers.addAll(ReplayHeaders.of(letter, replayId));
        return new ProducerRecord<>(target, null, letter.key(), letter.value(), headers);
    }
}
