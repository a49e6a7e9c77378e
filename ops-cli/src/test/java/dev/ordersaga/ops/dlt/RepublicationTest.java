package dev.ordersaga.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class RepublicationTest {

    private static final String ORDER = "5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31";
    private static final UUID REPLAY = UUID.fromString("11111111-2222-4333-8444-555555555555");

    @Test
    void keyValueAndTheOriginalHeadersTravelWithoutSpringsDeadLetterHeaders() {
        DeadLetter letter = Letters.placeOrder(1, 4, ORDER).header("traceparent", "00-abc-def-01").build();

        ProducerRecord<byte[], byte[]> record = Republication.of(letter, "order.requests", REPLAY);

        assertThat(record.topic()).isEqualTo("order.requests");
        assertThat(record.partition()).as("left to the key, like the original").isNull();
        assertThat(record.key()).isEqualTo(letter.key());
        assertThat(record.value()).isEqualTo(letter.value());
        assertThat(record.headers().toArray()).extracting(Header::key)
                .containsExactly("message-id", "message-type", "traceparent",
                        "replayed-from-topic", "replayed-from-partition", "replayed-from-offset", "replay-id");
        assertThat(text(record, "message-id")).isEqualTo("0d9e8f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a");
    }

    @Test
    void provenanceSaysWhichDeadLetterAndWhichRun() {
        ProducerRecord<byte[], byte[]> record = Republication.of(Letters.placeOrder(2, 40, ORDER).build(), "order.requests", REPLAY);

        assertThat(text(record, ReplayHeaders.REPLAYED_FROM_TOPIC)).isEqualTo("order.requests-dlt");
        assertThat(text(record, ReplayHeaders.REPLAYED_FROM_PARTITION)).isEqualTo("2");
        assertThat(text(record, ReplayHeaders.REPLAYED_FROM_OFFSET)).isEqualTo("40");
        assertThat(text(record, ReplayHeaders.REPLAY_ID)).isEqualTo(REPLAY.toString());
    }

    @Test
    void theProvenanceOfAnEarlierReplayIsReplacedNotRepeated() {
        DeadLetter replayedBeforeAndDeadLetteredAgain = Letters.placeOrder(0, 9, ORDER)
                .header(ReplayHeaders.REPLAYED_FROM_OFFSET, "3")
                .header(ReplayHeaders.REPLAY_ID, "old")
                .build();

        ProducerRecord<byte[], byte[]> record = Republication.of(replayedBeforeAndDeadLetteredAgain, "order.requests", REPLAY);

        assertThat(record.headers().headers(ReplayHeaders.REPLAYED_FROM_OFFSET)).hasSize(1);
        assertThat(text(record, ReplayHeaders.REPLAYED_FROM_OFFSET)).isEqualTo("9");
        assertThat(record.headers().headers(ReplayHeaders.REPLAY_ID)).hasSize(1);
    }

    @Test
    void aRecordWithoutKeyOrValueStaysSo() {
        DeadLetter tombstone = Letters.letter("x-dlt", 0, 0).key(null).value((byte[]) null).build();

        ProducerRecord<byte[], byte[]> record = Republication.of(tombstone, "x", REPLAY);

        assertThat(record.key()).isNull();
        assertThat(record.value()).isNull();
    }

    private static String text(ProducerRecord<byte[], byte[]> record, String header) {
        return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
    }
}
