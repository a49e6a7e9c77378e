package dev.ordersaga.testkit;

import static org.awaitility.Awaitility.await;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the other side of the service under test with plain Kafka clients, so its tests exercise the
 * real consumers and the real outbox relay. It publishes a message the way the relay does (key = order
 * id, envelope headers, JSON value) and reads back what the service published.
 *
 * <p>Reading needs no consumer group: the client assigns every partition of the topics it reads, starts
 * from their beginning and keeps every record it has seen, so a test also finds a record that was
 * published before it started waiting. The partitions are assigned on the first read rather than here,
 * because the service's context declares the topics and may start after this client was created. One
 * key lives in one partition, so the records of a key are kept in the order they were published.
 *
 * <p>Waiting polls on the caller's thread; the methods are synchronized because the Kafka consumer
 * must not be used by two threads at once.
 */
public final class KafkaTestClient implements AutoCloseable {

    /** How long any wait of these tests may take: a record may cross a listener, a database and the relay. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final long SEND_TIMEOUT_SECONDS = 10;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final MessageCodec codec = new MessageCodec();
    private final List<String> topicsToRead;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ReceivedRecord> received = new ArrayList<>();
    private boolean assigned;

    /** A client that publishes anywhere and reads {@code topicsToRead}, from their beginning. */
    public KafkaTestClient(String bootstrapServers, String... topicsToRead) {
        this.topicsToRead = List.of(topicsToRead);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Publishes {@code message} on its catalogue topic, keyed by its order id, with a fresh message id.
     *
     * @return the message id it carries, e.g. to find it in an inbox or as a later record's causation id
     */
    public UUID send(Message message) {
        Objects.requireNonNull(message.orderId(), "a message without order id needs an explicit key");
        return send(message, message.orderId().toString());
    }

    /** Publishes {@code message} under {@code key}: for a message whose order id is missing on purpose. */
    public UUID send(Message message, String key) {
        MessageType type = MessageType.of(message);
        UUID messageId = UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, codec.encode(message));
        record.headers()
                .add(Headers.MESSAGE_ID, utf8(messageId.toString()))
                .add(Headers.MESSAGE_TYPE, utf8(type.typeName()))
                .add(Headers.SCHEMA_VERSION, utf8(Integer.toString(type.schemaVersion())));
        try {
            producer.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + type.typeName(), e);
        }
        return messageId;
    }

    /** Waits for the first record of {@code type} for the order; returns its message. */
    public <T extends Message> T awaitMessage(UUID orderId, Class<T> type) {
        return awaitMessages(orderId, type, 1).get(0);
    }

    /** Waits for at least {@code count} records of {@code type} for the order; returns their messages, oldest first. */
    public synchronized <T extends Message> List<T> awaitMessages(UUID orderId, Class<T> type, int count) {
        List<ReceivedRecord> records = awaitRecords(count + " x " + type.getSimpleName(), orderId.toString(),
                seen -> messagesOf(seen, type).size() >= count);
        return messagesOf(records, type);
    }

    /** Waits for the first record of {@code type} under {@code key}; returns it with its envelope. */
    public synchronized ReceivedRecord awaitRecord(String key, Class<? extends Message> type) {
        return awaitFirst(type.getSimpleName(), key, record -> record.carries(type));
    }

    /** Waits for a record carrying exactly {@code expected} (type and content), keyed by its order id. */
    public synchronized ReceivedRecord awaitRecord(Message expected) {
        return awaitFirst(expected.toString(), expected.orderId().toString(),
                record -> expected.equals(record.message()));
    }

    /** Reads until the records under {@code key} satisfy {@code until}; returns all of them, oldest first. */
    public synchronized List<ReceivedRecord> awaitRecords(String key, Predicate<List<ReceivedRecord>> until) {
        return awaitRecords("the awaited records", key, until);
    }

    /** Every record under {@code key} read so far, after one more poll, oldest first. */
    public synchronized List<ReceivedRecord> recordsFor(String key) {
        poll();
        return received.stream().filter(record -> key.equals(record.key())).toList();
    }

    private List<ReceivedRecord> awaitRecords(String awaited, String key, Predicate<List<ReceivedRecord>> until) {
        return await(awaited + " under key " + key + " on " + topicsToRead)
                .atMost(TIMEOUT).pollInterval(POLL_INTERVAL).pollInSameThread()
                .until(() -> recordsFor(key), until);
    }

    private ReceivedRecord awaitFirst(String awaited, String key, Predicate<ReceivedRecord> wanted) {
        return awaitRecords(awaited, key, seen -> seen.stream().anyMatch(wanted))
                .stream().filter(wanted).findFirst().orElseThrow();
    }

    private static <T extends Message> List<T> messagesOf(List<ReceivedRecord> records, Class<T> type) {
        return records.stream().filter(record -> record.carries(type)).map(record -> record.message(type)).toList();
    }

    private void poll() {
        assignOnce();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL_TIMEOUT)) {
            received.add(toReceived(record));
        }
    }

    private void assignOnce() {
        if (assigned) {
            return;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topicsToRead) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        List<String> missing = topicsToRead.stream()
                .filter(topic -> partitions.stream().noneMatch(partition -> partition.topic().equals(topic)))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Topics " + missing + " do not exist: read once the service has declared them");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        assigned = true;
    }

    private ReceivedRecord toReceived(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String typeName = headers.get(Headers.MESSAGE_TYPE);
        MessageType type = Optional.ofNullable(typeName).flatMap(MessageType::byName).orElseThrow(() ->
                new IllegalStateException("No catalogued message type '" + typeName + "' at " + position(record)));
        try {
            Message message = codec.decode(record.value(), type.javaType());
            return new ReceivedRecord(record.topic(), record.key(), Collections.unmodifiableMap(headers), message);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a " + typeName + " at " + position(record), e);
        }
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        producer.close(CLOSE_TIMEOUT);
        consumer.close(CLOSE_TIMEOUT);
    }
}
