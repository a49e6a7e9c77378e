package dev.ordersaga.localstack.load;

import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code order.events} from its current end and reports each order's final event to
 * {@link FinishedOrders}, recording the latency. Runs on its own thread; the histogram is only
 * read after that thread has ended.
 */
final class FinalEventListener implements Runnable {

    private static final Duration TOPIC_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final FinishedOrders finishedOrders;
    private final Histogram latencyMicros = new Histogram(3);
    private final Map<FinalOutcome, AtomicLong> outcomes = new EnumMap<>(FinalOutcome.class);
    private final AtomicLong lastFinishedNanos = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);

    FinalEventListener(String bootstrapServers, FinishedOrders finishedOrders) throws InterruptedException {
        this.finishedOrders = finishedOrders;
        for (FinalOutcome outcome : FinalOutcome.values()) {
            outcomes.put(outcome, new AtomicLong());
        }
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                ConsumerConfig.CLIENT_ID_CONFIG, "local-stack-load-driver"),
                new StringDeserializer(), new ByteArrayDeserializer());
        try {
            positionAtEnd(awaitPartitions());
        } catch (RuntimeException | InterruptedException e) {
            consumer.close();
            throw e;
        }
    }

    @Override
    public void run() {
        try {
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                long receivedAt = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    finalOutcome(record).ifPresent(outcome -> finished(record.key(), outcome, receivedAt));
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up.
        } finally {
            consumer.close();
        }
    }

    void stop() {
        running.set(false);
        consumer.wakeup();
    }

    Map<FinalOutcome, Long> outcomeCounts() {
        Map<FinalOutcome, Long> counts = new EnumMap<>(FinalOutcome.class);
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.get()));
        return counts;
    }

    long lastFinishedNanos() {
        return lastFinishedNanos.get();
    }

    /** Only valid once the listener's thread has ended. */
    Histogram latencyMicros() {
        return latencyMicros;
    }

    private void finished(String orderId, FinalOutcome outcome, long receivedAt) {
        finishedOrders.finished(orderId, receivedAt).ifPresent(latencyNanos -> {
            latencyMicros.recordValue(TimeUnit.NANOSECONDS.toMicros(latencyNanos));
            outcomes.get(outcome).incrementAndGet();
            lastFinishedNanos.set(receivedAt);
        });
    }

    private static Optional<FinalOutcome> finalOutcome(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(Headers.MESSAGE_TYPE);
        if (type == null || record.key() == null) {
            return Optional.empty();
        }
        return FinalOutcome.ofMessageType(new String(type.value(), StandardCharsets.UTF_8));
    }

    private List<TopicPartition> awaitPartitions() throws InterruptedException {
        long deadline = System.nanoTime() + TOPIC_WAIT.toNanos();
        while (true) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.ORDER_EVENTS, Duration.ofSeconds(5));
            if (!partitions.isEmpty()) {
                return partitions.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topic " + Topics.ORDER_EVENTS + " does not exist; order-service declares it at startup");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    // Assigned, not subscribed: no group rebalance, and the end offsets are fixed before the first send.
    private void positionAtEnd(List<TopicPartition> partitions) {
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }
}
