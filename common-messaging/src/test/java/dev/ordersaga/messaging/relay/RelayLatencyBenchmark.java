package dev.ordersaga.messaging.relay;

import static dev.ordersaga.messaging.testapp.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.messaging.testapp.MessagingIntegrationTest;
import dev.ordersaga.messaging.testapp.TopicProbe;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.InventoryReserved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commit-to-consumer latency of one message at a time through the relay: from the return of the
 * committing transaction to a plain Kafka consumer receiving the record. A measurement, not part of
 * the build (its name matches neither *Test nor *IT); run it with
 * {@code ./mvnw -pl common-messaging verify -Dit.test=RelayLatencyBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RelayLatencyBenchmark extends MessagingIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(RelayLatencyBenchmark.class);
    private static final int WARM_UP = 50;
    private static final int MEASURED = 300;
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void measuresCommitToConsumerLatency() {
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES)) {
            for (int i = 0; i < WARM_UP; i++) {
                roundTrip(replies);
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < MEASURED; i++) {
                micros.add(roundTrip(replies));
            }
            micros.sort(null);
            log.info("Relay commit-to-consumer latency over {} messages: p50 {} ms, p90 {} ms, p99 {} ms, max {} ms",
                    MEASURED, millis(micros, 0.50), millis(micros, 0.90), millis(micros, 0.99), millis(micros, 1.0));
            assertThat(micros).hasSize(MEASURED);
        }
    }

    /** @return microseconds from the commit's return to the record's arrival */
    private long roundTrip(TopicProbe replies) {
        UUID messageId = sendCommitted(new InventoryReserved(UUID.randomUUID()));
        long committed = System.nanoTime();
        long deadline = committed + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : replies.poll(Duration.ofMillis(100))) {
                if (messageId.toString().equals(header(record, Headers.MESSAGE_ID))) {
                    return (System.nanoTime() - committed) / 1_000;
                }
            }
        }
        throw new AssertionError("Message " + messageId + " did not arrive within " + DEADLINE);
    }

    private static String millis(List<Long> sortedMicros, double quantile) {
        int index = (int) Math.min(sortedMicros.size() - 1, Math.ceil(quantile * sortedMicros.size()) - 1);
        return String.format("%.1f", sortedMicros.get(Math.max(0, index)) / 1000.0);
    }
}
