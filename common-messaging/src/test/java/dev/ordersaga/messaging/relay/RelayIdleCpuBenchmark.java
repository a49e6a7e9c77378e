package dev.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordersaga.messaging.testapp.MessagingIntegrationTest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * CPU the relay burns while the outbox is quiet: the CPU time of every JVM thread over a 20 s idle window,
 * grouped by thread name, with the production heartbeat and flush intervals (the other relay tests shorten them).
 * The embedded broker runs in the same JVM, so the figure that counts is that of the relay's threads (Debezium's
 * and the engine's); the total is printed too. A measurement, not part of the build (its name matches neither
 * *Test nor *IT); run it with
 * {@code ./mvnw -o -pl common-messaging -am verify -Dit.test=RelayIdleCpuBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TestPropertySource(properties = {"messaging.relay.heartbeat-interval=10s", "messaging.relay.offset-flush-interval=1s"})
class RelayIdleCpuBenchmark extends MessagingIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(RelayIdleCpuBenchmark.class);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration WINDOW = Duration.ofSeconds(20);

    @Autowired
    private OutboxRelay relay;

    @Test
    void measuresIdleCpuOfTheRelayThreads() {
        await().atMost(Duration.ofSeconds(60)).until(this::streamingLeader);
        // Start-up work (JIT, connections, the first heartbeat) is not idle cost.
        await().pollInterval(Duration.ofSeconds(1)).during(SETTLE).atMost(SETTLE.plusSeconds(5)).until(this::streamingLeader);

        Map<String, Long> before = cpuNanosByThreadGroup();
        long start = System.nanoTime();
        await().pollInterval(Duration.ofSeconds(1)).during(WINDOW).atMost(WINDOW.plusSeconds(5)).until(this::streamingLeader);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> after = cpuNanosByThreadGroup();

        Map<String, Long> used = new HashMap<>();
        after.forEach((group, nanos) -> used.put(group, nanos - before.getOrDefault(group, 0L)));
        StringBuilder report = new StringBuilder();
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(entry -> report.append(String.format("%n  %-50s %6.2f %% of a core", entry.getKey(),
                        100.0 * entry.getValue() / 1e9 / seconds)));
        long relayNanos = used.entrySet().stream().filter(entry -> isRelayThread(entry.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        long totalNanos = used.values().stream().mapToLong(Long::longValue).sum();
        log.info("Idle CPU over {} s: relay threads {} % of a core, whole JVM {} % of a core; busiest threads:{}",
                String.format("%.1f", seconds), String.format("%.2f", 100.0 * relayNanos / 1e9 / seconds),
                String.format("%.2f", 100.0 * totalNanos / 1e9 / seconds), report);
        assertThat(relayNanos).isPositive();
    }

    private boolean streamingLeader() {
        return relay.status().role() == OutboxRelay.Role.LEADER && relay.status().engineStreaming();
    }

    /** Debezium's threads, the engine's, and the relay producer's network thread. */
    private static boolean isRelayThread(String group) {
        return group.startsWith("debezium") || group.startsWith("outbox-relay") || group.startsWith("pool-")
                || group.contains("relay") || group.startsWith("blocking-snapshot") || group.startsWith("embedded-engine");
    }

    private static Map<String, Long> cpuNanosByThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long nanos = threads.getThreadCpuTime(id);
            if (info != null && nanos > 0) {
                byGroup.merge(info.getThreadName().replaceAll("\\d+", "#"), nanos, Long::sum);
            }
        }
        return byGroup;
    }
}
