package dev.ordersaga.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final String ORDER = "5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31";

    @Test
    void springsBinaryOriginCoordinatesAreRead() {
        DeadLetter letter = Letters.placeOrder(1, 4, ORDER).build();

        assertThat(letter.originalTopic()).isEqualTo("order.requests");
        assertThat(letter.originalPartition()).isEqualTo(1);
        assertThat(letter.originalOffset()).isEqualTo(17L);
        assertThat(letter.originalTimestamp()).isEqualTo(Instant.parse("2025-06-01T09:59:58Z"));
        assertThat(letter.originalConsumerGroup()).isEqualTo("order-service");
    }

    @Test
    void numbersWrittenAsTextAreReadToo() {
        DeadLetter letter = Letters.letter("x-dlt", 0, 0)
                .header("kafka_dlt-original-partition", "2")
                .header("kafka_dlt-original-offset", "123456789012")
                .build();

        assertThat(letter.originalPartition()).isEqualTo(2);
        assertThat(letter.originalOffset()).isEqualTo(123456789012L);
    }

    @Test
    void theExceptionClassIsTheCauseNotSpringsWrapper() {
        assertThat(Letters.placeOrder(0, 0, ORDER).build().exceptionClass())
                .isEqualTo("dev.ordersaga.messaging.consumer.PoisonMessageException");
    }

    @Test
    void withoutACauseTheWrapperIsTheExceptionClass() {
        DeadLetter letter = Letters.letter("x-dlt", 0, 0)
                .deadLettered("x", 0, 0, "g", "java.lang.IllegalStateException", null, "boom")
                .build();

        assertThat(letter.exceptionClass()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void aKeyFailureIsReportedWhenThereIsNoValueFailure() {
        DeadLetter letter = Letters.letter("x-dlt", 0, 0)
                .header("kafka_dlt-key-exception-fqcn", "org.apache.kafka.common.errors.SerializationException")
                .header("kafka_dlt-key-exception-message", "bad key")
                .build();

        assertThat(letter.exceptionClass()).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(letter.exceptionMessage()).isEqualTo("bad key");
    }

    @Test
    void noExceptionHeaderAtAllIsShownAsNone() {
        assertThat(Letters.letter("x-dlt", 0, 0).build().exceptionClass()).isEqualTo("(none)");
    }

    @Test
    void theLastHeaderOfANameWins() {
        DeadLetter letter = Letters.letter("x-dlt", 0, 0)
                .header("message-type", "Old")
                .header("message-type", "PlaceOrder")
                .build();

        assertThat(letter.messageType()).isEqualTo("PlaceOrder");
    }

    @Test
    void theOrderIdIsReadFromAJsonPayloadOnly() {
        assertThat(Letters.placeOrder(0, 0, ORDER).build().payloadOrderId()).contains(UUID.fromString(ORDER));
        assertThat(Letters.letter("x-dlt", 0, 0).value(new byte[] {(byte) 0xff, '{'}).build().payloadOrderId()).isEmpty();
        assertThat(Letters.letter("x-dlt", 0, 0).value("{\"orderId\":42}").build().payloadOrderId()).isEmpty();
        assertThat(Letters.letter("x-dlt", 0, 0).build().payloadOrderId()).isEmpty();
    }

    @Test
    void onlyACanonicalUuidKeyIsAnOrderId() {
        assertThat(Letters.letter("x-dlt", 0, 0).key(ORDER).build().keyAsUuid()).contains(UUID.fromString(ORDER));
        assertThat(Letters.letter("x-dlt", 0, 0).key("1-2-3-4-5").build().keyAsUuid()).isEmpty();
        assertThat(Letters.letter("x-dlt", 0, 0).key(null).build().keyAsUuid()).isEmpty();
    }

    @Test
    void coordinatesAndAuditKey() {
        DeadLetter letter = Letters.placeOrder(2, 40, ORDER).build();

        assertThat(letter.coordinates()).isEqualTo("order.requests-dlt-2@40");
        assertThat(letter.auditKey()).isEqualTo("order.requests-dlt:2:40");
    }

    @Test
    void binaryNumbersAreDecodedBySize() {
        assertThat(DeadLetterHeaders.number(ByteBuffer.allocate(4).putInt(-1).array())).isEqualTo(-1L);
        assertThat(DeadLetterHeaders.number(ByteBuffer.allocate(8).putLong(1L << 40).array())).isEqualTo(1L << 40);
        assertThat(DeadLetterHeaders.number(new byte[] {1, 2, 3})).isNull();
        assertThat(DeadLetterHeaders.number(null)).isNull();
    }
}
