package dev.ordersaga.localstack.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How many records/s the stack's broker moves through one producer and one consumer on a scratch
 * topic: the producer sends as fast as the broker acknowledges (acks=all, idempotent, as the
 * services' relays produce) while the consumer reads them; the rate is what the consumer received.
 */
final class KafkaThroughputProbe {

    static final String TOPIC = "bench.ceiling-probe";
    /** About the size of a saga event's JSON payload. */
    private static final int RECORD_BYTES = 400;

    private final String bootstrapServers;
    private final Duration duration;

    KafkaThroughputProbe(String bootstrapServers, Duration duration) {
        this.bootstrapServers = bootstrapServers;
        this.duration = duration;
    }

    double recordsPerSecond() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            createTopic(admin);
            try {
                return measure();
            } finally {
                admin.deleteTopics(List.of(TOPIC));
            }
        }
    }

    private double measure() throws InterruptedException {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread producerThread = new Thread(() -> produceWhile(producing), "bench-probe-producer");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.CLIENT_ID_CONFIG, "local-stack-bench-probe"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.position(partition);
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            producerThread.start();
            long received = 0;
            while (System.nanoTime() < deadline) {
                received += consumer.poll(Duration.ofMillis(50)).count();
            }
            return received / ((System.nanoTime() - start) / 1e9);
        } finally {
            producing.set(false);
            producerThread.join();
        }
    }

    private void produceWhile(AtomicBoolean producing) {
        byte[] value = new byte[RECORD_BYTES];
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.CLIENT_ID_CONFIG, "local-stack-bench-probe"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            while (producing.get()) {
                producer.send(new ProducerRecord<>(TOPIC, value));
            }
        }
    }

    private static void createTopic(Admin admin) throws InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the probe topic " + TOPIC, e.getCause());
        }
    }
}
