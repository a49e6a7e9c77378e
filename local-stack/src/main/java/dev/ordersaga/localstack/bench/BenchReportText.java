package dev.ordersaga.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The printed report of a benchmark run. */
public final class BenchReportText {

    private BenchReportText() {
    }

    public static String format(BenchResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(jvmLine(result.jvm()));
        if (result.idle() != null) {
            lines.add(idleLine(result.idle()));
        }
        Ceiling ceiling = result.ceiling();
        if (ceiling == null) {
            return String.join(System.lineSeparator(), lines);
        }
        lines.add(String.format(Locale.ROOT, "Ceiling:      %.0f sagas/s (PostgreSQL %.0f commits/s / %d, Kafka %.0f records/s / %d)",
                ceiling.sagasPerSecond(), ceiling.commitsPerSecond(), Ceiling.COMMITS_PER_SAGA,
                ceiling.recordsPerSecond(), Ceiling.RECORDS_PER_SAGA));
        for (WindowReport window : result.windows()) {
            lines.add("");
            lines.addAll(window(window, ceiling));
        }
        if (result.windows().size() > 1) {
            lines.add("");
            lines.addAll(sweepTable(result));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String jvmLine(JvmSettings jvm) {
        return "JVM:          services " + jvm.profile() + " (" + String.join(" ", jvm.serviceArgs()) + "), class-data sharing "
                + (jvm.classDataSharing() ? "on" : "off") + "; launcher "
                + (jvm.launcherArgs().isEmpty() ? "JVM defaults" : String.join(" ", jvm.launcherArgs()));
    }

    static String idleLine(IdleCost idle) {
        List<String> parts = new ArrayList<>();
        idle.coresByProcess().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> parts.add(String.format(Locale.ROOT, "%s %.3f", entry.getKey(), entry.getValue())));
        return String.format(Locale.ROOT, "Idle:         %.3f cores over %.0f s, no order in flight (%s); machine %.2f cores busy",
                idle.total(), idle.seconds(), String.join(", ", parts), idle.coresBusy());
    }

    private static List<String> window(WindowReport window, Ceiling ceiling) {
        var load = window.load();
        var latency = load.latencyMicros();
        return List.of(
                String.format(Locale.ROOT, "Window:       %d in flight, %.1f s", load.inFlight(), load.windowSeconds()),
                String.format(Locale.ROOT, "Sagas:        %d completed, %d lost, %d duplicated",
                        load.completed(), load.lost(), load.duplicated()),
                String.format(Locale.ROOT, "Throughput:   %.1f sagas/s = %.1f%% of the ceiling",
                        load.sagasPerSecond(), 100 * ceiling.shareOf(load.sagasPerSecond())),
                String.format(Locale.ROOT, "Latency:      p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                        latency.p50() / 1e3, latency.p95() / 1e3, latency.p99() / 1e3, latency.max() / 1e3),
                "CPU per saga: " + cpuLine(window.cpuMsPerSaga(), window.cpuMsPerSagaTotal()),
                String.format(Locale.ROOT, "Machine:      %.2f of %d cores busy (every process, idle and iowait excluded)",
                        window.coresBusy(), Runtime.getRuntime().availableProcessors()));
    }

    private static String cpuLine(Map<String, Double> cpuMsPerSaga, double total) {
        if (cpuMsPerSaga.isEmpty()) {
            return "none completed";
        }
        List<String> parts = new ArrayList<>();
        cpuMsPerSaga.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> parts.add(String.format(Locale.ROOT, "%s %.1f ms", entry.getKey(), entry.getValue())));
        return String.join(", ", parts) + String.format(Locale.ROOT, "; total %.1f ms (%s = %s)",
                total, Instruments.LAUNCHER, Instruments.LAUNCHER_HOSTS);
    }

    private static List<String> sweepTable(BenchResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("In flight   sagas/s   of ceiling   p50 ms   p95 ms   p99 ms   lost   dup   CPU ms/saga   cores");
        for (WindowReport window : result.windows()) {
            var load = window.load();
            var latency = load.latencyMicros();
            lines.add(String.format(Locale.ROOT, "%9d %9.1f %11.1f%% %8.1f %8.1f %8.1f %6d %5d %13.1f %7.2f",
                    load.inFlight(), load.sagasPerSecond(), 100 * result.ceiling().shareOf(load.sagasPerSecond()),
                    latency.p50() / 1e3, latency.p95() / 1e3, latency.p99() / 1e3, load.lost(), load.duplicated(),
                    window.cpuMsPerSagaTotal(), window.coresBusy()));
        }
        return lines;
    }
}
