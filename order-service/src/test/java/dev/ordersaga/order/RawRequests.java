package dev.ordersaga.order;

import dev.ordersaga.infra.TestInfrastructure;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a request on order.requests as raw JSON text, the way an outside producer can write what no
 * record of ours would serialize to: {@code 49.99}, {@code "2"}, an order id that is no UUID. One producer
 * for the test JVM, never closed, like the shared test clients: it lives as long as the broker.
 */
public final class RawRequests {

    private static final long SEND_TIMEOUT_SECONDS = 30;
    private static KafkaProducer<String, String> producer;

    private RawRequests() {
    }

    /** @return the message id the record carries, e.g. to find it in the inbox */
    public static UUID publish(String type, String key, String json) {
        return publish(UUID.randomUUID(), type, key, json);
    }

    /** With a given message id: a redelivery, as far as the service can tell. */
    public static UUID publish(UUID messageId, String type, String key, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ORDER_REQUESTS, key, json);
        record.headers()
                .add(Headers.MESSAGE_ID, messageId.toString().getBytes(StandardCharsets.UTF_8))
                .add(Headers.MESSAGE_TYPE, type.getBytes(StandardCharsets.UTF_8))
                .add(Headers.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + type, e);
        }
        return messageId;
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
