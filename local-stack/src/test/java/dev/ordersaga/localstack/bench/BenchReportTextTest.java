package dev.ordersaga.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.localstack.load.LoadSummary;
import dev.ordersaga.localstack.load.WindowResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTextTest {

    private static final LoadSummary.Latency LATENCY = new LoadSummary.Latency(150_000, 300_000, 450_000, 900_000);
    private static final JvmSettings JVM = new JvmSettings("c2", List.of("-Xmx384m", "-XX:CICompilerCount=2"), true,
            List.of("-XX:CICompilerCount=2"));
    private static final IdleCost IDLE = new IdleCost(15.0, Map.of("launcher", 0.04, "order-service", 0.015), 0.1);

    @Test
    void aWindowShowsItsCountsRateShareLatencyAndCpuHeaviestFirst() {
        String text = BenchReportText.format(new BenchResult("bench", JVM, IDLE, new Ceiling(8_000, 90_000), List.of(
                new WindowReport(new WindowResult(64, 60_000_000_000L, 1_620, 0, 1, LATENCY),
                        Map.of("postgresql", 13.0, "saga-orchestrator", 16.0), 1.95))));

        assertThat(text).contains(
                "Ceiling:      800 sagas/s (PostgreSQL 8000 commits/s / 10, Kafka 90000 records/s / 10)",
                "Window:       64 in flight, 60.0 s",
                "Sagas:        1620 completed, 0 lost, 1 duplicated",
                "Throughput:   27.0 sagas/s = 3.4% of the ceiling",
                "Latency:      p50 150.0 ms, p95 300.0 ms, p99 450.0 ms, max 900.0 ms",
                "CPU per saga: saga-orchestrator 16.0 ms, postgresql 13.0 ms; total 29.0 ms",
                "Machine:      1.95 of");
        assertThat(text).doesNotContain("In flight   sagas/s");
    }

    @Test
    void theReportOpensWithTheJvmsAndTheIdleStackHeaviestFirst() {
        String text = BenchReportText.format(BenchResult.idleOnly(JVM, IDLE));

        assertThat(text).contains(
                "JVM:          services c2 (-Xmx384m -XX:CICompilerCount=2), class-data sharing on; launcher -XX:CICompilerCount=2",
                "Idle:         0.055 cores over 15 s, no order in flight (launcher 0.040, order-service 0.015); machine 0.10 cores busy");
        assertThat(text).doesNotContain("Ceiling:", "Window:");
    }

    @Test
    void aSweepEndsWithOneTableRowPerLevel() {
        String text = BenchReportText.format(new BenchResult("bench", JVM, IDLE, new Ceiling(8_000, 90_000), List.of(
                new WindowReport(new WindowResult(1, 60_000_000_000L, 360, 0, 0, LATENCY), Map.of("postgresql", 5.0), 0.4),
                new WindowReport(new WindowResult(16, 60_000_000_000L, 1_200, 0, 0, LATENCY), Map.of("postgresql", 4.0), 1.2))));

        assertThat(text).contains("In flight   sagas/s   of ceiling")
                .containsPattern("\\n\\s+1\\s+6\\.0\\s+0\\.8%")
                .containsPattern("\\n\\s+16\\s+20\\.0\\s+2\\.5%");
    }
}
