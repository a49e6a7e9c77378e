package dev.ordersaga.messaging.testapp;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReserveInventory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes commands to the test service's topic, keyed by order id, as the orchestrator's relay would. */
public final class InventoryCommands implements AutoCloseable {

    private static final MessageCodec CODEC = new MessageCodec();

    private final KafkaProducer<String, byte[]> producer;

    public InventoryCommands(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // Records sent together form one batch in the log, which a consumer fetches whole: a batch published
                // while the listener is paused comes back in one poll, not split where a fetch happened to end.
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    public static ProducerRecord<String, byte[]> reserve(UUID orderId, UUID commandId, String... skus) {
        List<StockLine> lines = skus.length == 0
                ? List.of(new StockLine("SKU-1", 2))
                : List.of(skus).stream().map(sku -> new StockLine(sku, 1)).toList();
        return command(orderId, commandId, new ReserveInventory(orderId, lines));
    }

    public static ProducerRecord<String, byte[]> release(UUID orderId, UUID commandId) {
        return command(orderId, commandId, new ReleaseInventory(orderId));
    }

    private static ProducerRecord<String, byte[]> command(UUID orderId, UUID commandId, Message command) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INVENTORY_COMMANDS, orderId.toString(),
                CODEC.encode(command).getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(Headers.MESSAGE_ID, commandId.toString().getBytes(StandardCharsets.UTF_8))
                .add(Headers.MESSAGE_TYPE, MessageType.of(command.getClass()).typeName().getBytes(StandardCharsets.UTF_8))
                .add(Headers.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Publishes and waits for the broker's acknowledgement. */
    public void publish(ProducerRecord<String, byte[]> record) {
        publishAll(List.of(record));
    }

    /** Publishes all, in order, in as few requests as the producer makes, then waits for every acknowledgement. */
    public void publishAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> sent = records.stream().map(producer::send).toList();
        producer.flush();
        try {
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the test records", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
