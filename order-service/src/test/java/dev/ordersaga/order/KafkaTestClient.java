package dev.ordersaga.order;

import static org.awaitility.Awaitility.await;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the broker like an outside producer and consumer do: plain Kafka clients, JSON values,
 * envelope headers. Reading needs no consumer group: it assigns every partition and reads from the start.
 */
public final class KafkaTestClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;
    private final MessageCodec codec = new MessageCodec();

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Publishes {@code message} on its topic, keyed by its order id; returns the message id it carried. */
    public UUID send(Message message) {
        String key = message.orderId() == null ? "no-order-id-" + UUID.randomUUID() : message.orderId().toString();
        return send(message, key);
    }

    public UUID send(Message message, String key) {
        MessageType type = MessageType.of(message);
        UUID messageId = UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, codec.encode(message));
        record.headers()
                .add(Headers.MESSAGE_ID, bytes(messageId.toString()))
                .add(Headers.MESSAGE_TYPE, bytes(type.typeName()))
                .add(Headers.SCHEMA_VERSION, bytes(String.valueOf(type.schemaVersion())));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + type.typeName(), e);
        }
        return messageId;
    }

    /**
     * Reads {@code topic} from the beginning until the records with {@code key} satisfy {@code until};
     * returns those records in partition order (one key lives in one partition, so that is send order).
     */
    public List<ConsumerRecord<String, String>> awaitRecords(
            String topic, String key, Predicate<List<ConsumerRecord<String, String>>> until) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (key.equals(record.key())) {
                        records.add(record);
                    }
                });
                return until.test(records);
            });
        }
        return records;
    }

    /** Reads until a record of {@code type} with {@code key} arrives; returns it. */
    public ConsumerRecord<String, String> awaitRecord(String topic, String key, String type) {
        List<ConsumerRecord<String, String>> records =
                awaitRecords(topic, key, seen -> seen.stream().anyMatch(record -> type.equals(typeOf(record))));
        return records.stream().filter(record -> type.equals(typeOf(record))).findFirst().orElseThrow();
    }

    public <T extends Message> T decode(ConsumerRecord<String, String> record, Class<T> type) throws Exception {
        return codec.decode(record.value().getBytes(StandardCharsets.UTF_8), type);
    }

    public static String typeOf(ConsumerRecord<String, String> record) {
        return header(record, Headers.MESSAGE_TYPE);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
