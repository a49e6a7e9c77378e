package dev.ordersaga.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadSummaryTest {

    @Test
    void latencyPercentilesComeFromTheHistogram() {
        Histogram micros = new Histogram(3);
        for (long value = 1; value <= 100; value++) {
            micros.recordValue(value * 1_000);
        }

        LoadSummary.Latency latency = LoadSummary.Latency.of(micros);

        assertThat(latency.p50()).isBetween(49_900L, 50_100L);
        assertThat(latency.p95()).isBetween(94_900L, 95_100L);
        assertThat(latency.p99()).isBetween(98_900L, 99_100L);
        assertThat(latency.max()).isBetween(99_900L, 100_100L);
    }

    @Test
    void noCompletedOrderGivesZeroLatency() {
        assertThat(LoadSummary.Latency.of(new Histogram(3))).isEqualTo(new LoadSummary.Latency(0, 0, 0, 0));
    }

    @Test
    void formatsCountsThroughputAndLatencyInMilliseconds() {
        LoadSummary summary = new LoadSummary(1000, 1000, 0,
                Map.of("OrderApproved", 990L, "OrderRejected", 10L), 0, 2, Duration.ofSeconds(4),
                new LoadSummary.Latency(21_500, 48_000, 95_250, 180_000));

        assertThat(summary.format()).isEqualTo(String.join(System.lineSeparator(),
                "Orders:      1000 requested, 1000 sent, 1000 completed, 0 incomplete, 0 send failures",
                "Outcomes:    OrderApproved 990, OrderRejected 10, OrderCancelled 0, OrderRequestRejected 0",
                "Total time:  4.00 s",
                "Throughput:  250.0 sagas/s",
                "Latency:     p50 21.5 ms, p95 48.0 ms, p99 95.3 ms, max 180.0 ms",
                "Duplicates:  2 repeated final events"));
    }

    @Test
    void runIsSuccessfulOnlyIfEveryRequestedOrderFinished() {
        LoadSummary.Latency latency = new LoadSummary.Latency(1, 1, 1, 1);
        Duration elapsed = Duration.ofSeconds(1);

        assertThat(new LoadSummary(10, 10, 0, Map.of("OrderApproved", 10L), 0, 0, elapsed, latency).allOrdersFinished()).isTrue();
        assertThat(new LoadSummary(10, 10, 0, Map.of("OrderApproved", 9L), 1, 0, elapsed, latency).allOrdersFinished()).isFalse();
        assertThat(new LoadSummary(10, 9, 0, Map.of("OrderApproved", 9L), 0, 0, elapsed, latency).allOrdersFinished()).isFalse();
        assertThat(new LoadSummary(10, 10, 1, Map.of("OrderApproved", 9L), 0, 0, elapsed, latency).allOrdersFinished()).isFalse();
    }
}
