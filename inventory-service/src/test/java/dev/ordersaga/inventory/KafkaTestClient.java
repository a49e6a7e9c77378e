package dev.ordersaga.inventory;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
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
 * Plays the saga orchestrator with plain Kafka clients: publishes commands the way the outbox relay does
 * (key = order id, envelope in headers, JSON value) and collects every record on the replies topic.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(20);

    private final MessageCodec codec = new MessageCodec();
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    public KafkaTestClient(String bootstrapServers, String repliesTopic) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(repliesTopic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Publishes with a fresh message id and returns it. */
    public UUID send(Message command) {
        return send(command, UUID.randomUUID());
    }

    public UUID send(Message command, UUID messageId) {
        MessageType type = MessageType.of(command);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(type.topic(), command.orderId().toString(), codec.encode(command));
        record.headers()
                .add(Headers.MESSAGE_ID, utf8(messageId.toString()))
                .add(Headers.MESSAGE_TYPE, utf8(type.typeName()))
                .add(Headers.SCHEMA_VERSION, utf8(Integer.toString(type.schemaVersion())));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish " + type.typeName(), e.getCause());
        }
        return messageId;
    }

    /** The first reply of that type for the order, awaited; its record key is checked to be the order id. */
    public <T extends Message> T awaitReply(UUID orderId, Class<T> type) {
        return awaitReplies(orderId, type, 1).get(0);
    }

    /** At least {@code count} replies of that type for the order, awaited. */
    public <T extends Message> List<T> awaitReplies(UUID orderId, Class<T> type, int count) {
        List<ConsumerRecord<String, String>> replies = await().atMost(REPLY_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> repliesFor(orderId, MessageType.of(type)), found -> found.size() >= count);
        return replies.stream().map(record -> decode(record, type)).toList();
    }

    /** Every reply of any type for the order received so far, by type name, oldest first. */
    public synchronized List<String> replyTypesFor(UUID orderId) {
        poll();
        return received.stream()
                .filter(record -> orderId.toString().equals(record.key()))
                .map(record -> header(record, Headers.MESSAGE_TYPE))
                .toList();
    }

    private synchronized List<ConsumerRecord<String, String>> repliesFor(UUID orderId, MessageType type) {
        poll();
        return received.stream()
                .filter(record -> orderId.toString().equals(record.key()))
                .filter(record -> type.typeName().equals(header(record, Headers.MESSAGE_TYPE)))
                .toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(received::add);
    }

    private <T extends Message> T decode(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return codec.decode(record.value().getBytes(StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        producer.close();
        consumer.close();
    }
}
