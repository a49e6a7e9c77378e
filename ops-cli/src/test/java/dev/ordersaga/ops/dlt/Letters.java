package dev.ordersaga.ops.dlt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Dead letters built in memory, with the headers as Spring Kafka's recoverer writes them (binary numbers). */
final class Letters {

    static final String LISTENER_FAILED = "org.springframework.kafka.listener.ListenerExecutionFailedException";

    private final String topic;
    private final int partition;
    private final long offset;
    private final List<Header> headers = new ArrayList<>();
    private Instant timestamp = Instant.parse("2025-06-01T10:00:00Z");
    private byte[] key;
    private byte[] value;

    private Letters(String topic, int partition, long offset) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }

    static Letters letter(String topic, int partition, long offset) {
        return new Letters(topic, partition, offset);
    }

    /** A typical dead letter of {@code order.requests-dlt}, from {@code order.requests} partition 1 offset 17. */
    static Letters placeOrder(int partition, long offset, String orderId) {
        return letter("order.requests-dlt", partition, offset)
                .key(orderId)
                .value("{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-0001\"}")
                .header("message-id", "0d9e8f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a")
                .header("message-type", "PlaceOrder")
                .deadLettered("order.requests", partition, 17, "order-service", LISTENER_FAILED,
                        "dev.ordersaga.messaging.consumer.PoisonMessageException", "Value is not a valid PlaceOrder document");
    }

    Letters timestamp(Instant at) {
        this.timestamp = at;
        return this;
    }

    Letters key(String text) {
        this.key = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Letters value(String text) {
        return value(text.getBytes(StandardCharsets.UTF_8));
    }

    Letters value(byte[] bytes) {
        this.value = bytes;
        return this;
    }

    Letters header(String name, String text) {
        return header(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Letters header(String name, byte[] bytes) {
        headers.add(new RecordHeader(name, bytes));
        return this;
    }

    Letters deadLettered(String originalTopic, int originalPartition, long originalOffset, String group,
                         String wrapper, String cause, String message) {
        header("kafka_dlt-original-topic", originalTopic);
        header("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(originalPartition).array());
        header("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(originalOffset).array());
        header("kafka_dlt-original-timestamp", ByteBuffer.allocate(8).putLong(timestamp.minusSeconds(2).toEpochMilli()).array());
        header("kafka_dlt-original-timestamp-type", "CreateTime");
        header("kafka_dlt-original-consumer-group", group);
        header("kafka_dlt-exception-fqcn", wrapper);
        if (cause != null) {
            header("kafka_dlt-exception-cause-fqcn", cause);
        }
        header("kafka_dlt-exception-message", message);
        header("kafka_dlt-exception-stacktrace", wrapper + ": " + message + "\n\tat dev.ordersaga.Handler.handle(Handler.java:42)\n");
        return this;
    }

    DeadLetter build() {
        return new DeadLetter(topic, partition, offset, timestamp, key, value, List.copyOf(headers));
    }
}
