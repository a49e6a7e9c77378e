package dev.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordersaga.messaging.testapp.MessagingIntegrationTest;
import dev.ordersaga.schema.inventory.InventoryReserved;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CPU the relay's threads spend per published message under a steady stream (transactions of 20 outbox rows), idle
 * polling included. A measurement, not part of the build (its name matches neither *Test nor *IT); run it with
 * {@code ./mvnw -o -pl common-messaging -am verify -Dit.test=RelayCpuPerMessageBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RelayCpuPerMessageBenchmark extends MessagingIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(RelayCpuPerMessageBenchmark.class);
    private static final int PER_TRANSACTION = 20;
    private static final int WARM_UP = 3_000;
    private static final int MEASURED = 6_000;

    @Autowired
    private OutboxRelay relay;
    @Autowired
    private MeterRegistry meters;

    @Test
    void measuresRelayCpuPerMessage() {
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.status().role() == OutboxRelay.Role.LEADER
                && relay.status().engineStreaming());
        publish(WARM_UP);

        ThreadCpu before = ThreadCpu.now();
        long start = System.nanoTime();
        publish(MEASURED);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> used = ThreadCpu.now().since(before);

        long relayNanos = ThreadCpu.relayNanos(used);
        log.info("Relay CPU per message over {} messages in {} s: {} us", MEASURED, String.format("%.1f", seconds),
                String.format("%.1f", relayNanos / 1e3 / MEASURED));
        assertThat(relayNanos).isPositive();
    }

    /** Commits {@code count} outbox rows and waits until the relay has published them all. */
    private void publish(int count) {
        double target = published() + count;
        for (int sent = 0; sent < count; sent += PER_TRANSACTION) {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < PER_TRANSACTION; i++) {
                    outbox.send(new InventoryReserved(UUID.randomUUID()));
                }
            });
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> published() >= target);
    }

    private double published() {
        return meters.find("messaging.relay.published").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
