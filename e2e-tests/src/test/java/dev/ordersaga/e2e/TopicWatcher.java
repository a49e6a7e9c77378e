package dev.ordersaga.e2e;

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
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from the end it had when the watcher was created, keeping every record, so a
 * scenario can look for the records its own actions caused. Create it before acting.
 */
final class TopicWatcher implements AutoCloseable {

    private static final Duration TOPIC_WAIT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicWatcher(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Watches {@code topic} from its current end; waits for the topic to exist. */
    static TopicWatcher fromEnd(String bootstrapServers, String topic) {
        TopicWatcher watcher = new TopicWatcher(bootstrapServers, topic);
        try {
            watcher.assignAtEnd();
        } catch (RuntimeException e) {
            watcher.close();
            throw e;
        }
        return watcher;
    }

    /** Waits until a record matching {@code matcher} has arrived, and returns it. */
    ConsumerRecord<String, String> awaitRecord(String description, Predicate<ConsumerRecord<String, String>> matcher) {
        await("a record on " + topic + ": " + description)
                .atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    pollOnce();
                    return find(matcher).isPresent();
                });
        return find(matcher).orElseThrow();
    }

    /** Reads what has arrived so far and returns every record seen that matches. */
    List<ConsumerRecord<String, String>> recordsMatching(Predicate<ConsumerRecord<String, String>> matcher) {
        pollOnce();
        return seen.stream().filter(matcher).toList();
    }

    static Predicate<ConsumerRecord<String, String>> keyAndType(String key, String messageType) {
        return record -> key.equals(record.key()) && messageType.equals(header(record, "message-type"));
    }

    static Predicate<ConsumerRecord<String, String>> key(String key) {
        return record -> key.equals(record.key());
    }

    /** A header's value as UTF-8, or null when the record does not carry it. */
    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }

    private void pollOnce() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }

    private Optional<ConsumerRecord<String, String>> find(Predicate<ConsumerRecord<String, String>> matcher) {
        return seen.stream().filter(matcher).findFirst();
    }

    private void assignAtEnd() {
        await("topic " + topic + " to exist").atMost(TOPIC_WAIT).pollInSameThread().pollInterval(Duration.ofMillis(200))
                .until(() -> !consumer.partitionsFor(topic, Duration.ofSeconds(5)).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before the scenario acts.
        partitions.forEach(consumer::position);
    }
}
