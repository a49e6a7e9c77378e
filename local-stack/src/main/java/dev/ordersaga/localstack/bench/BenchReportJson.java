package dev.ordersaga.localstack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code --report FILE} JSON: the JVMs measured, the idle stack's CPU (not with {@code --orders}),
 * then the top-level fields of the best window (the most sagas/s), and {@code windows} with every window
 * in the order measured (one with {@code --bench}, one per level with {@code --sweep}, one for the whole
 * run with {@code --orders}, none with {@code --idle}).
 */
public final class BenchReportJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchReportJson() {
    }

    public static void write(BenchResult result, Path file) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), toJson(result));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report " + file, e);
        }
    }

    static ObjectNode toJson(BenchResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("mode", result.mode());
        addJvm(root, result.jvm());
        if (result.idle() != null) {
            addIdle(root, result.idle());
        }
        if (result.windows().isEmpty()) {
            root.put("cores", Runtime.getRuntime().availableProcessors());
            root.put("launcher_hosts", Instruments.LAUNCHER_HOSTS);
            return root;
        }
        addWindow(root, result.best(), result.ceiling());
        Ceiling ceiling = result.ceiling();
        root.put("ceiling_commits_per_s", round(ceiling.commitsPerSecond()));
        root.put("ceiling_records_per_s", round(ceiling.recordsPerSecond()));
        root.put("ceiling_sagas_per_s", round(ceiling.sagasPerSecond()));
        root.put("commits_per_saga", Ceiling.COMMITS_PER_SAGA);
        root.put("records_per_saga", Ceiling.RECORDS_PER_SAGA);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("launcher_hosts", Instruments.LAUNCHER_HOSTS);
        ArrayNode windows = root.putArray("windows");
        result.windows().forEach(window -> addWindow(windows.addObject(), window, ceiling));
        return root;
    }

    private static void addJvm(ObjectNode node, JvmSettings jvm) {
        node.put("jvm", jvm.profile());
        jvm.serviceArgs().forEach(node.putArray("jvm_service_args")::add);
        node.put("class_data_sharing", jvm.classDataSharing());
        jvm.launcherArgs().forEach(node.putArray("jvm_launcher_args")::add);
    }

    // Cores, not ms per saga: with no saga there is nothing to divide by, and the target is a share of a core.
    private static void addIdle(ObjectNode node, IdleCost idle) {
        node.put("idle_s", round(idle.seconds()));
        ObjectNode cores = node.putObject("idle_cpu_cores");
        idle.coresByProcess().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> cores.put(entry.getKey(), roundCores(entry.getValue())));
        node.put("idle_cpu_cores_total", roundCores(idle.total()));
        node.put("idle_cores_busy", roundCores(idle.coresBusy()));
    }

    private static void addWindow(ObjectNode node, WindowReport window, Ceiling ceiling) {
        var load = window.load();
        var latency = load.latencyMicros();
        node.put("in_flight", load.inFlight());
        node.put("window_s", round(load.windowSeconds()));
        node.put("completed", load.completed());
        node.put("lost", load.lost());
        node.put("duplicated", load.duplicated());
        node.put("sagas_per_s", round(load.sagasPerSecond()));
        node.put("share_of_ceiling", Math.round(ceiling.shareOf(load.sagasPerSecond()) * 10_000) / 10_000.0);
        node.put("p50_ms", round(latency.p50() / 1e3));
        node.put("p95_ms", round(latency.p95() / 1e3));
        node.put("p99_ms", round(latency.p99() / 1e3));
        node.put("max_ms", round(latency.max() / 1e3));
        ObjectNode cpu = node.putObject("cpu_ms_per_saga");
        window.cpuMsPerSaga().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> cpu.put(entry.getKey(), round(entry.getValue())));
        node.put("cpu_ms_per_saga_total", round(window.cpuMsPerSagaTotal()));
        node.put("cores_busy", Math.round(window.coresBusy() * 100) / 100.0);
    }

    private static double roundCores(double cores) {
        return Math.round(cores * 1000) / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
