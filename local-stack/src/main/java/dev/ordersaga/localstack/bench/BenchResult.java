package dev.ordersaga.localstack.bench;

import java.util.Comparator;
import java.util.List;

/**
 * A whole benchmark run.
 *
 * @param mode    {@code bench} (fixed windows over a steady load) or {@code orders} (a fixed number of orders)
 * @param ceiling the machine's ceiling, probed in the same run
 * @param windows one per in-flight level, in the order measured
 */
public record BenchResult(String mode, Ceiling ceiling, List<WindowReport> windows) {

    public BenchResult {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("A benchmark result has at least one window");
        }
    }

    /** The window with the most sagas/s. */
    WindowReport best() {
        return windows.stream().max(Comparator.comparingDouble(window -> window.load().sagasPerSecond())).orElseThrow();
    }

    /** No window lost an order or saw a final event twice. */
    public boolean clean() {
        return windows.stream().allMatch(window -> window.load().lost() == 0 && window.load().duplicated() == 0);
    }
}
