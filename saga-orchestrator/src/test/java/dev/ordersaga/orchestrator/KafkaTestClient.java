package dev.ordersaga.orchestrator;

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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the service the way other services do: publishes records with the envelope headers, and reads
 * what the service published (through its outbox and relay) from the command topics.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final MessageCodec codec = new MessageCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ReceivedMessage> received = new ArrayList<>();

    /** A message the service published. */
    public record ReceivedMessage(String topic, String key, UUID messageId, String type, Message payload) {
    }

    public KafkaTestClient(String bootstrapServers, List<String> topicsToRead) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        // Assigned rather than subscribed: no group rebalance to wait for, and every record from the start.
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topicsToRead) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    public UUID publish(Message message) {
        return publish(message, UUID.randomUUID());
    }

    public UUID publish(Message message, UUID messageId) {
        MessageType type = MessageType.of(message);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), message.orderId().toString(),
                codec.encode(message).getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(Headers.MESSAGE_ID, utf8(messageId.toString()))
                .add(Headers.MESSAGE_TYPE, utf8(type.typeName()))
                .add(Headers.SCHEMA_VERSION, utf8(Integer.toString(type.schemaVersion())));
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

    /** Waits until the service has published exactly this message (type and content) and returns it. */
    public ReceivedMessage awaitMessage(Message expected) {
        String type = MessageType.of(expected).typeName();
        return await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    pollOnce();
                    return find(expected.orderId(), type).stream()
                            .filter(message -> message.payload().equals(expected))
                            .findFirst();
                }, Optional::isPresent)
                .orElseThrow();
    }

    /** Everything of that type published so far for the order, after one more poll. */
    public List<ReceivedMessage> messagesFor(UUID orderId, String type) {
        pollOnce();
        return find(orderId, type);
    }

    private List<ReceivedMessage> find(UUID orderId, String type) {
        return received.stream()
                .filter(message -> message.key().equals(orderId.toString()) && message.type().equals(type))
                .toList();
    }

    private void pollOnce() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            String type = header(record, Headers.MESSAGE_TYPE);
            MessageType messageType = MessageType.byName(type).orElseThrow();
            received.add(new ReceivedMessage(record.topic(), record.key(),
                    UUID.fromString(header(record, Headers.MESSAGE_ID)), type, decode(record, messageType)));
        }
    }

    private Message decode(ConsumerRecord<String, byte[]> record, MessageType type) {
        try {
            return codec.decode(record.value(), type.javaType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }
}
