package dev.ordersaga.localstack.bench;

import java.util.Comparator;
import java.util.List;

/**
 * A whole benchmark run.
 *
 * @param mode    {@code bench} (fixed windows over a steady load), {@code orders} (a fixed number of orders)
 *                or {@code idle} (the idle stack only)
 * @param jvm     the JVMs measured
 * @param idle    the idle stack's CPU, measured before the probes; null when not measured ({@code orders})
 * @param ceiling the machine's ceiling, probed in the same run; null with {@code idle}
 * @param windows one per in-flight level, in the order measured; none with {@code idle}
 */
public record BenchResult(String mode, JvmSettings jvm, IdleCost idle, Ceiling ceiling, List<WindowReport> windows) {

    public BenchResult {
        windows = List.copyOf(windows);
        if (windows.isEmpty() && (idle == null || ceiling != null)) {
            throw new IllegalArgumentException("A benchmark result has at least one window, or only an idle measurement");
        }
        if (!windows.isEmpty() && ceiling == null) {
            throw new IllegalArgumentException("A benchmark window is measured against the ceiling of the same run");
        }
    }

    /** {@code --idle}: the idle stack, nothing else. */
    static BenchResult idleOnly(JvmSettings jvm, IdleCost idle) {
        return new BenchResult("idle", jvm, idle, null, List.of());
    }

    /** The window with the most sagas/s; only if there are windows. */
    WindowReport best() {
        return windows.stream().max(Comparator.comparingDouble(window -> window.load().sagasPerSecond())).orElseThrow();
    }

    /** No window lost an order or saw a final event twice. */
    public boolean clean() {
        return windows.stream().allMatch(window -> window.load().lost() == 0 && window.load().duplicated() == 0);
    }
}
