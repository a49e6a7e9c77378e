package dev.ordersaga.messaging.relay;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes one batch of change events: sends every outbox insert, waits until Kafka acknowledged all
 * of them, and only then marks the whole batch processed, so a stored offset never covers an
 * unacknowledged message. A failed send throws: nothing of the batch is committed, the engine stops and
 * the relay restarts it, re-publishing the batch (consumers deduplicate through their inbox).
 */
final class OutboxBatchPublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<String, String>> {

    private final Producer<String, byte[]> producer;
    private final OutboxChangeEvents changeEvents;
    private final RelayMetrics metrics;

    OutboxBatchPublisher(Producer<String, byte[]> producer, OutboxChangeEvents changeEvents, RelayMetrics metrics) {
        this.producer = producer;
        this.changeEvents = changeEvents;
        this.metrics = metrics;
    }

    @Override
    public void handleBatch(List<ChangeEvent<String, String>> records,
                            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(records.size());
        for (ChangeEvent<String, String> record : records) {
            changeEvents.outboxInsert(record.value()).ifPresent(message -> acknowledgements.add(send(message)));
        }
        awaitAll(acknowledgements);
        for (ChangeEvent<String, String> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
    }

    private Future<RecordMetadata> send(OutboxMessage message) {
        return producer.send(message.toProducerRecord(), (metadata, error) -> {
            if (error == null) {
                metrics.published(message.committedAtMillis());
            }
        });
    }

    private static void awaitAll(List<Future<RecordMetadata>> acknowledgements) throws InterruptedException {
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            try {
                acknowledgement.get();
            } catch (ExecutionException e) {
                throw new OutboxPublishException(
                        "Kafka did not acknowledge an outbox message; no position of this batch is committed",
                        e.getCause());
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
