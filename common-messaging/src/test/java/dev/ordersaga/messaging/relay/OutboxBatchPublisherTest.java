package dev.ordersaga.messaging.relay;

import static dev.ordersaga.messaging.relay.OutboxChangeEventsTest.CAUSE_ID;
import static dev.ordersaga.messaging.relay.OutboxChangeEventsTest.ID;
import static dev.ordersaga.messaging.relay.OutboxChangeEventsTest.ORDER_ID;
import static dev.ordersaga.messaging.relay.OutboxChangeEventsTest.TRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordersaga.schema.Headers;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class OutboxBatchPublisherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingParkingLot parkingLot = new RecordingParkingLot();
    private final OutboxBatchPublisher publisher = new OutboxBatchPublisher(producer, new OutboxChangeEvents(),
            parkingLot, new RelayMetrics(meters, new ReplicationSlot(new JdbcTemplate(), "test_outbox"),
                    Clock.fixed(Instant.ofEpochMilli(1767261600123L + 40), ZoneOffset.UTC)));
    private final RecordingCommitter committer = new RecordingCommitter();

    private final List<ChangeEvent<SourceRecord, SourceRecord>> batch = List.of(
            new Event(OutboxChangeEventsTest.heartbeat()),
            new Event(OutboxChangeEventsTest.outboxInsert(CAUSE_ID)),
            new Event(OutboxChangeEventsTest.heartbeatRowUpdate()),
            new Event(OutboxChangeEventsTest.withId(OutboxChangeEventsTest.outboxInsert(null), "11111111-2a0c-4d7e-8e11-2d3c4b5a6978")));

    @Test
    void publishesOutboxInsertsAndMarksTheBatchOnlyOnceKafkaAcknowledgedThem() {
        CompletableFuture<Void> handling = handleAsync(batch);
        await().atMost(TIMEOUT).until(() -> producer.history().size() == 2);
        producer.completeNext();

        assertThat(committer.processed).isEmpty();
        producer.completeNext();
        handling.join();

        assertThat(committer.processed).containsExactlyElementsOf(batch);
        assertThat(committer.batchesFinished).isEqualTo(1);
        ProducerRecord<String, byte[]> first = producer.history().get(0);
        assertThat(first.topic()).isEqualTo("saga.replies");
        assertThat(first.key()).isEqualTo(ORDER_ID);
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\": \"" + ORDER_ID + "\"}");
        assertThat(header(first, Headers.MESSAGE_ID)).isEqualTo(ID);
        assertThat(header(first, Headers.MESSAGE_TYPE)).isEqualTo("InventoryReserved");
        assertThat(header(first, Headers.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(header(first, Headers.CORRELATION_ID)).isEqualTo(ORDER_ID);
        assertThat(header(first, Headers.CAUSATION_ID)).isEqualTo(CAUSE_ID);
        assertThat(header(first, Headers.TRACEPARENT)).isEqualTo(TRACE);
        assertThat(producer.history().get(1).headers().lastHeader(Headers.CAUSATION_ID)).isNull();
        assertThat(meters.get("messaging.relay.published").counter().count()).isEqualTo(2);
        assertThat(meters.get("messaging.relay.publish.lag").timer().max(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(40);
    }

    @Test
    void marksNothingAndFailsWhenASendIsNotAcknowledged() {
        CompletableFuture<Void> handling = handleAsync(batch);
        await().atMost(TIMEOUT).until(() -> producer.history().size() == 2);
        producer.completeNext();
        producer.errorNext(new TimeoutException("no leader"));

        assertThat(handling).failsWithin(TIMEOUT)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOf(OutboxBatchPublisher.OutboxPublishException.class);
        assertThat(committer.processed).isEmpty();
        assertThat(committer.batchesFinished).isZero();
        assertThat(parkingLot.parked).isEmpty();
    }

    @Test
    void parksARecordKafkaRefusesForGoodPublishesTheRowsAfterItAndMarksTheWholeBatch() {
        List<ChangeEvent<SourceRecord, SourceRecord>> rows = List.of(
                new Event(insertWithId(FIRST)), new Event(insertWithId(TOO_LARGE)), new Event(insertWithId(LAST)));
        CompletableFuture<Void> handling = handleAsync(rows);
        await().atMost(TIMEOUT).until(() -> producer.history().size() == 3);
        producer.completeNext();
        producer.errorNext(new RecordTooLargeException("The message is 4527235 bytes when serialized"));
        producer.completeNext();
        handling.join();

        assertThat(producer.history()).extracting(record -> header(record, Headers.MESSAGE_ID))
                .containsExactly(FIRST, TOO_LARGE, LAST);
        assertThat(parkingLot.parked).singleElement().satisfies(row -> {
            assertThat(row.id()).hasToString(TOO_LARGE);
            assertThat(row.topic()).isEqualTo("saga.replies");
            assertThat(row.key()).isEqualTo(ORDER_ID);
            assertThat(row.type()).isEqualTo("InventoryReserved");
            assertThat(row.headers()).containsEntry(Headers.MESSAGE_ID, TOO_LARGE).containsEntry(Headers.TRACEPARENT, TRACE);
            assertThat(row.payload()).isEqualTo("{\"orderId\": \"" + ORDER_ID + "\"}");
            assertThat(row.reason()).isEqualTo(
                    "org.apache.kafka.common.errors.RecordTooLargeException: The message is 4527235 bytes when serialized");
        });
        assertThat(committer.processed).containsExactlyElementsOf(rows);
        assertThat(committer.batchesFinished).isEqualTo(1);
        assertThat(meters.get("messaging.relay.parked").tag("reason", "RecordTooLargeException").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("messaging.relay.published").counter().count()).isEqualTo(2);
    }

    @Test
    void parksAChangeEventItCannotReadAndPublishesTheRest() {
        SourceRecord unreadable = OutboxChangeEventsTest.outboxInsert(CAUSE_ID,
                OutboxChangeEventsTest.rowSchemaWith("topic", Schema.OPTIONAL_STRING_SCHEMA),
                row -> row.put("id", TOO_LARGE).put("topic", null));
        List<ChangeEvent<SourceRecord, SourceRecord>> rows = List.of(new Event(unreadable), new Event(insertWithId(LAST)));
        CompletableFuture<Void> handling = handleAsync(rows);
        await().atMost(TIMEOUT).until(() -> producer.history().size() == 1);
        producer.completeNext();
        handling.join();

        assertThat(parkingLot.parked).singleElement().satisfies(row -> {
            assertThat(row.id()).hasToString(TOO_LARGE);
            assertThat(row.topic()).isNull();
            assertThat(row.payload()).isEqualTo(unreadable.value().toString()).contains(TOO_LARGE, "op=c");
            assertThat(row.reason()).endsWith("UnreadableChangeEventException: Outbox change event has no topic");
        });
        assertThat(header(producer.history().get(0), Headers.MESSAGE_ID)).isEqualTo(LAST);
        assertThat(committer.processed).containsExactlyElementsOf(rows);
        assertThat(meters.get("messaging.relay.parked").tag("reason", "UnreadableChangeEventException").counter()
                .count()).isEqualTo(1);
    }

    /** A retriable failure behind a parked row still fails the batch: the row stays parked once, not twice. */
    @Test
    void failsTheBatchOnARetriableFailureAfterAParkedRecord() {
        List<ChangeEvent<SourceRecord, SourceRecord>> rows = List.of(new Event(insertWithId(TOO_LARGE)), new Event(insertWithId(LAST)));
        CompletableFuture<Void> handling = handleAsync(rows);
        await().atMost(TIMEOUT).until(() -> producer.history().size() == 2);
        producer.errorNext(new RecordTooLargeException("too large"));
        producer.errorNext(new NotEnoughReplicasException("1 of 3 in sync"));

        assertThat(handling).failsWithin(TIMEOUT)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOf(OutboxBatchPublisher.OutboxPublishException.class)
                .havingCause()
                .isInstanceOf(NotEnoughReplicasException.class);
        assertThat(parkingLot.parked).extracting(row -> row.id().toString()).containsExactly(TOO_LARGE);
        assertThat(committer.processed).isEmpty();
        assertThat(committer.batchesFinished).isZero();
    }

    private static final String FIRST = "11111111-2a0c-4d7e-8e11-2d3c4b5a6978";
    private static final String TOO_LARGE = "22222222-2a0c-4d7e-8e11-2d3c4b5a6978";
    private static final String LAST = "33333333-2a0c-4d7e-8e11-2d3c4b5a6978";

    private static SourceRecord insertWithId(String id) {
        return OutboxChangeEventsTest.withId(OutboxChangeEventsTest.outboxInsert(CAUSE_ID), id);
    }

    private CompletableFuture<Void> handleAsync(List<ChangeEvent<SourceRecord, SourceRecord>> records) {
        return CompletableFuture.runAsync(() -> {
            try {
                publisher.handleBatch(records, committer);
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private record Event(SourceRecord value) implements ChangeEvent<SourceRecord, SourceRecord> {

        @Override
        public SourceRecord key() {
            return null;
        }

        @Override
        public String destination() {
            return "messaging-it.public.outbox";
        }

        @Override
        public Integer partition() {
            return null;
        }
    }

    private static final class RecordingParkingLot implements ParkingLot {

        private final List<ParkedRow> parked = new CopyOnWriteArrayList<>();

        @Override
        public boolean park(ParkedRow row) {
            boolean first = parked.stream().noneMatch(earlier -> earlier.id().equals(row.id()));
            if (first) {
                parked.add(row);
            }
            return first;
        }
    }

    private static final class RecordingCommitter implements DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> {

        private final List<ChangeEvent<SourceRecord, SourceRecord>> processed = new CopyOnWriteArrayList<>();
        private volatile int batchesFinished;

        @Override
        public void markProcessed(ChangeEvent<SourceRecord, SourceRecord> record) {
            processed.add(record);
        }

        @Override
        public void markBatchFinished() {
            batchesFinished++;
        }

        @Override
        public void markProcessed(ChangeEvent<SourceRecord, SourceRecord> record, DebeziumEngine.Offsets offsets) {
            markProcessed(record);
        }

        @Override
        public DebeziumEngine.Offsets buildOffsets() {
            throw new UnsupportedOperationException("The publisher never rewrites offsets");
        }
    }
}
