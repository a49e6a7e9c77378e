package dev.ordersaga.messaging.relay;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one batch of change events: sends every outbox insert, waits until Kafka acknowledged all
 * of them, and only then marks the whole batch processed, so a stored offset never covers an
 * unacknowledged message.
 *
 * <p>A row that no retry can publish (see {@link PermanentSendFailures}, or a change event that cannot be
 * read) is parked, counted and logged, and then counts as handled: the rows after it go out in order and the
 * slot moves on. Any other failed send throws: nothing of the batch is committed, the engine stops and the
 * relay restarts it, re-publishing the batch (consumers deduplicate through their inbox, and a row parked by
 * the failed run is not parked twice).
 */
final class OutboxBatchPublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>> {

    private static final Logger log = LoggerFactory.getLogger(OutboxBatchPublisher.class);

    private final Producer<String, byte[]> producer;
    private final OutboxChangeEvents changeEvents;
    private final ParkingLot parkingLot;
    private final RelayMetrics metrics;

    OutboxBatchPublisher(Producer<String, byte[]> producer, OutboxChangeEvents changeEvents, ParkingLot parkingLot,
                         RelayMetrics metrics) {
        this.producer = producer;
        this.changeEvents = changeEvents;
        this.parkingLot = parkingLot;
        this.metrics = metrics;
    }

    @Override
    public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
            throws InterruptedException {
        List<Delivery> deliveries = new ArrayList<>(records.size());
        for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
            try {
                changeEvents.outboxInsert(record.value()).ifPresent(message -> deliveries.add(send(message)));
            } catch (UnreadableChangeEventException e) {
                park(ParkedRow.unreadable(OutboxChangeEvents.describe(record.value()), e));
            }
        }
        for (Delivery delivery : deliveries) {
            Optional<Throwable> failure = delivery.awaitFailure();
            if (failure.isPresent()) {
                if (!PermanentSendFailures.isPermanent(failure.get())) {
                    throw new OutboxPublishException(
                            "Kafka did not acknowledge an outbox message; no position of this batch is committed",
                            failure.get());
                }
                park(ParkedRow.of(delivery.message(), failure.get()));
            }
        }
        for (ChangeEvent<SourceRecord, SourceRecord> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
    }

    private Delivery send(OutboxMessage message) {
        try {
            return new Delivery(message, producer.send(message.toProducerRecord(), (metadata, error) -> {
                if (error == null) {
                    metrics.published(message.committedAtMillis());
                }
            }));
        } catch (SerializationException e) {
            // The producer throws a serializer's failure instead of failing the send's future.
            return new Delivery(message, CompletableFuture.failedFuture(e));
        }
    }

    private void park(ParkedRow row) {
        if (parkingLot.park(row)) {
            metrics.parked(row.reasonClass());
            log.warn("Parked outbox message {} ({} to {}, key {}) in outbox_parked instead of publishing it; "
                    + "the relay moves on. Reason: {}", row.id(), row.type(), row.topic(), row.key(), row.reason());
        } else {
            log.debug("Outbox message {} was already parked", row.id());
        }
    }

    /** A message handed to the producer, and Kafka's answer to come. */
    private record Delivery(OutboxMessage message, Future<RecordMetadata> acknowledgement) {

        Optional<Throwable> awaitFailure() throws InterruptedException {
            try {
                acknowledgement.get();
                return Optional.empty();
            } catch (ExecutionException e) {
                return Optional.of(e.getCause());
            }
        }
    }

    /** A send Kafka did not acknowledge; it stops the engine so that no offset moves past the message. */
    static final class OutboxPublishException extends RuntimeException {

        OutboxPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
