package dev.ordersaga.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.localstack.load.LoadSummary;
import dev.ordersaga.localstack.load.WindowResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportJsonTest {

    private static final Ceiling CEILING = new Ceiling(8_000, 90_000);
    private static final JvmSettings JVM = new JvmSettings("c2", List.of("-Xmx384m", "-XX:CICompilerCount=2"), true,
            List.of("-XX:CICompilerCount=2"));
    private static final IdleCost IDLE = new IdleCost(15.0, Map.of("launcher", 0.02, "postgresql", 0.01), 0.05);

    @Test
    void topLevelHoldsTheBestWindowAndTheCeilingAndWindowsHoldsEveryWindowInOrder(@TempDir Path directory) throws Exception {
        BenchResult sweep = new BenchResult("bench", JVM, IDLE, CEILING, List.of(
                window(1, 300, 0, 0, 12_000, Map.of("postgresql", 5.0)),
                window(64, 1_800, 2, 1, 21_500, Map.of("postgresql", 13.0, "launcher", 12.0)),
                window(256, 1_500, 0, 0, 90_000, Map.of("postgresql", 14.0))));
        Path file = directory.resolve("bench.json");

        BenchReportJson.write(sweep, file);
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));

        assertThat(json.get("mode").asText()).isEqualTo("bench");
        assertThat(json.get("in_flight").asInt()).isEqualTo(64);
        assertThat(json.get("completed").asLong()).isEqualTo(1_800);
        assertThat(json.get("lost").asLong()).isEqualTo(2);
        assertThat(json.get("duplicated").asLong()).isEqualTo(1);
        assertThat(json.get("sagas_per_s").asDouble()).isEqualTo(30.0);
        assertThat(json.get("p50_ms").asDouble()).isEqualTo(21.5);
        assertThat(json.get("p95_ms").asDouble()).isEqualTo(43.0);
        assertThat(json.get("p99_ms").asDouble()).isEqualTo(64.5);
        assertThat(json.get("cpu_ms_per_saga").get("postgresql").asDouble()).isEqualTo(13.0);
        assertThat(json.get("cpu_ms_per_saga").get("launcher").asDouble()).isEqualTo(12.0);
        assertThat(json.get("cpu_ms_per_saga_total").asDouble()).isEqualTo(25.0);
        assertThat(json.get("ceiling_commits_per_s").asDouble()).isEqualTo(8_000);
        assertThat(json.get("ceiling_records_per_s").asDouble()).isEqualTo(90_000);
        assertThat(json.get("ceiling_sagas_per_s").asDouble()).isEqualTo(800);
        assertThat(json.get("share_of_ceiling").asDouble()).isEqualTo(0.0375);
        assertThat(json.get("windows")).hasSize(3);
        assertThat(json.get("windows").findValuesAsText("in_flight")).containsExactly("1", "64", "256");
        assertThat(json.get("windows").get(0).get("cpu_ms_per_saga").get("postgresql").asDouble()).isEqualTo(5.0);
    }

    @Test
    void everyWindowHasTheFieldsTheIssueAsksFor() {
        JsonNode json = BenchReportJson.toJson(new BenchResult("orders", JVM, null, CEILING,
                List.of(window(64, 1_000, 0, 0, 1_000, Map.of()))));

        List<String> required = List.of("sagas_per_s", "p50_ms", "p95_ms", "p99_ms", "completed", "lost", "duplicated",
                "in_flight", "cpu_ms_per_saga");
        assertThat(json.fieldNames()).toIterable().contains(required.toArray(String[]::new))
                .contains("ceiling_commits_per_s", "ceiling_sagas_per_s");
        assertThat(json.get("windows").get(0).fieldNames()).toIterable().contains(required.toArray(String[]::new));
        assertThat(json.get("mode").asText()).isEqualTo("orders");
    }

    @Test
    void theReportNamesTheJvmsAndTheIdleStacksCpuByProcessAndInAll() {
        JsonNode json = BenchReportJson.toJson(new BenchResult("bench", JVM, IDLE, CEILING,
                List.of(window(64, 1_000, 0, 0, 1_000, Map.of()))));

        assertThat(json.get("jvm").asText()).isEqualTo("c2");
        assertThat(json.get("jvm_service_args")).extracting(JsonNode::asText).containsExactly("-Xmx384m", "-XX:CICompilerCount=2");
        assertThat(json.get("class_data_sharing").asBoolean()).isTrue();
        assertThat(json.get("idle_s").asDouble()).isEqualTo(15.0);
        assertThat(json.get("idle_cpu_cores").get("launcher").asDouble()).isEqualTo(0.02);
        assertThat(json.get("idle_cpu_cores").get("postgresql").asDouble()).isEqualTo(0.01);
        assertThat(json.get("idle_cpu_cores_total").asDouble()).isEqualTo(0.03);
        assertThat(json.get("idle_cores_busy").asDouble()).isEqualTo(0.05);
    }

    @Test
    void anIdleOnlyReportHasTheIdleFiguresAndNoWindowOrCeiling() {
        JsonNode json = BenchReportJson.toJson(BenchResult.idleOnly(JVM, IDLE));

        assertThat(json.get("mode").asText()).isEqualTo("idle");
        assertThat(json.get("idle_cpu_cores_total").asDouble()).isEqualTo(0.03);
        assertThat(json.has("windows")).isFalse();
        assertThat(json.has("ceiling_sagas_per_s")).isFalse();
        assertThat(json.has("sagas_per_s")).isFalse();
    }

    @Test
    void anOrdersRunHasNoIdleFigures() {
        JsonNode json = BenchReportJson.toJson(new BenchResult("orders", JVM, null, CEILING,
                List.of(window(64, 1_000, 0, 0, 1_000, Map.of()))));

        assertThat(json.has("idle_cpu_cores")).isFalse();
        assertThat(json.get("jvm").asText()).isEqualTo("c2");
    }

    // p95 and p99 are 2 and 3 times p50, so that each figure shows where it came from.
    private static WindowReport window(int inFlight, long completed, long lost, long duplicated, long p50Micros,
            Map<String, Double> cpu) {
        LoadSummary.Latency latency = new LoadSummary.Latency(p50Micros, 2 * p50Micros, 3 * p50Micros, 4 * p50Micros);
        return new WindowReport(new WindowResult(inFlight, 60_000_000_000L, completed, lost, duplicated, latency), cpu, 1.5);
    }
}
