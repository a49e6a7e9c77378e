package dev.ordersaga.localstack.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.intake.PlaceOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes random valid PlaceOrder requests to {@code order.requests} as an outside producer would:
 * plain Kafka client, JSON, key = order id and the documented headers.
 */
final class PlaceOrderPublisher implements AutoCloseable {

    private final OrderGenerator generator;
    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper json = new ObjectMapper();

    PlaceOrderPublisher(String bootstrapServers, List<String> skus, List<String> customerIds) {
        this.generator = new OrderGenerator(skus, customerIds, new Random());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "1",
                ProducerConfig.CLIENT_ID_CONFIG, "local-stack-load-driver"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Sends the next order. {@code beforeSend} gets its id first, so that its final event always finds
     * it recorded; {@code sendFailed} gets the id if Kafka does not acknowledge the send.
     */
    void publishNext(Consumer<String> beforeSend, Consumer<String> sendFailed) {
        PlaceOrder order = generator.next();
        String orderId = order.orderId().toString();
        ProducerRecord<String, byte[]> record = placeOrderRecord(order);
        beforeSend.accept(orderId);
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                sendFailed.accept(orderId);
            }
        });
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    private ProducerRecord<String, byte[]> placeOrderRecord(PlaceOrder order) {
        String orderId = order.orderId().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDER_REQUESTS, orderId, toJson(order));
        record.headers()
                .add(Headers.MESSAGE_ID, utf8(UUID.randomUUID().toString()))
                .add(Headers.MESSAGE_TYPE, utf8(MessageType.PLACE_ORDER.typeName()))
                .add(Headers.SCHEMA_VERSION, utf8(Integer.toString(MessageType.PLACE_ORDER.schemaVersion())))
                .add(Headers.CORRELATION_ID, utf8(orderId));
        return record;
    }

    private byte[] toJson(PlaceOrder order) {
        try {
            return json.writeValueAsBytes(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PlaceOrder is not serializable", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
