package dev.ordersaga.ops.dlt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Writes dead letters the way the services do: a consumed record and the listener's failure handed to Spring
 * Kafka's {@link DeadLetterPublishingRecoverer}, which publishes to {@code <topic>-dlt}, same partition, with its
 * {@code kafka_dlt-*} headers. Only the dead letter's timestamp is chosen by the test, so time filters are exact.
 */
final class DeadLetterSeeder implements AutoCloseable {

    static final String CONSUMER_GROUP = "order-service";

    /** A record as the consumer received it before it failed. */
    record Original(String topic, int partition, long offset, String key, byte[] value, String messageType, UUID messageId) {

        Headers headers() {
            RecordHeaders headers = new RecordHeaders();
            headers.add("message-id", messageId.toString().getBytes(StandardCharsets.UTF_8));
            headers.add("message-type", messageType.getBytes(StandardCharsets.UTF_8));
            headers.add("schema-version", "1".getBytes(StandardCharsets.UTF_8));
            headers.add("traceparent", ("00-" + messageId.toString().replace("-", "") + "-00f067aa0ba902b7-01")
                    .getBytes(StandardCharsets.UTF_8));
            return headers;
        }
    }

    static class PoisonMessageException extends RuntimeException {
        PoisonMessageException(String message) {
            super(message);
        }
    }

    static class CannotAcquireLockException extends RuntimeException {
        CannotAcquireLockException(String message) {
            super(message);
        }
    }

    private final String bootstrapServers;
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;

    DeadLetterSeeder(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producers = new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    /** Creates each topic and its dead-letter topic, with the same number of partitions, as the services do. */
    void createTopics(int partitions, String... topics) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(java.util.Arrays.stream(topics)
                    .flatMap(topic -> java.util.stream.Stream.of(topic, topic + "-dlt"))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1))
                    .toList()).all().get();
        }
    }

    /** Only the dead-letter topic: its source is gone (or never was). */
    void createDeadLetterTopicOnly(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic + "-dlt", 1, (short) 1))).all().get();
        }
    }

    void deadLetter(Original original, RuntimeException failure, Instant deadLetteredAt) {
        ConsumerRecord<byte[], byte[]> received = new ConsumerRecord<>(original.topic(), original.partition(),
                original.offset(), deadLetteredAt.minusSeconds(1).toEpochMilli(), TimestampType.CREATE_TIME,
                original.key().length(), original.value().length, original.key().getBytes(StandardCharsets.UTF_8),
                original.value(), original.headers(), Optional.empty());
        recoverer(deadLetteredAt).accept(received,
                new ListenerExecutionFailedException("Listener failed", CONSUMER_GROUP, failure));
    }

    private DeadLetterPublishingRecoverer recoverer(Instant deadLetteredAt) {
        return new DeadLetterPublishingRecoverer(template) {
            @Override
            protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                    TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
                ProducerRecord<Object, Object> spring = super.createProducerRecord(record, topicPartition, headers, key, value);
                return new ProducerRecord<>(spring.topic(), spring.partition(), deadLetteredAt.toEpochMilli(),
                        spring.key(), spring.value(), spring.headers());
            }
        };
    }

    @Override
    public void close() {
        producers.destroy();
    }
}
