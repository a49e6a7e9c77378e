package dev.ordersaga.messaging.testapp;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of a topic from the position it had when the probe was created, outside any
 * consumer group, and keeps everything it saw: a test can then assert what arrived and what did not.
 */
public final class TopicProbe implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    private TopicProbe(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    /** A probe that sees only what is published to {@code topic} from now on. */
    public static TopicProbe fromNow(String bootstrapServers, String topic) {
        return open(bootstrapServers, topic, false);
    }

    /** A probe that sees everything {@code topic} holds, from its first record on. */
    public static TopicProbe fromBeginning(String bootstrapServers, String topic) {
        return open(bootstrapServers, topic, true);
    }

    private static TopicProbe open(String bootstrapServers, String topic, boolean fromBeginning) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        // Seeks are lazy: resolve the positions now, before the test publishes anything.
        partitions.forEach(consumer::position);
        return new TopicProbe(consumer);
    }

    /** Waits for a record that matches and returns it. */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> match) {
        return await().atMost(TIMEOUT).pollInSameThread().pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    poll(Duration.ofMillis(50));
                    return find(match);
                }, Optional::isPresent)
                .orElseThrow();
    }

    /** Waits for the record whose {@code message-id} header is {@code messageId}. */
    public ConsumerRecord<String, byte[]> awaitMessage(Object messageId) {
        return awaitRecord(record -> messageId.toString().equals(header(record, "message-id")));
    }

    /** Polls once, for up to {@code timeout}, and returns what arrived. */
    public List<ConsumerRecord<String, byte[]>> poll(Duration timeout) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        consumer.poll(timeout).forEach(batch::add);
        received.addAll(batch);
        return batch;
    }

    /** Everything seen so far. */
    public List<ConsumerRecord<String, byte[]>> received() {
        return List.copyOf(received);
    }

    /** How many of the records seen so far carry this {@code message-id}. */
    public long countOf(Object messageId) {
        return received.stream().filter(record -> messageId.toString().equals(header(record, "message-id"))).count();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Optional<ConsumerRecord<String, byte[]>> find(Predicate<ConsumerRecord<String, byte[]>> match) {
        return received.stream().filter(match).findFirst();
    }

    @Override
    public void close() {
        consumer.close(Duration.ZERO);
    }
}
