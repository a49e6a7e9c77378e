package dev.ordersaga.localstack.bench;

import java.time.Duration;
import java.util.List;

/**
 * How a benchmark runs.
 *
 * @param inFlightLevels one measuring window per level, in this order
 * @param warmup         load before the first window, not counted (may be zero)
 * @param window         the length of each measuring window
 * @param drain          how long after its window an order published in it may still finish without counting as lost
 */
public record BenchOptions(List<Integer> inFlightLevels, Duration warmup, Duration window, Duration drain) {

    /** The in-flight counts of {@code --sweep}: one at a time, then three loads a quarter apart on a log scale. */
    public static final List<Integer> SWEEP_LEVELS = List.of(1, 16, 64, 256);

    public BenchOptions {
        inFlightLevels = List.copyOf(inFlightLevels);
        if (inFlightLevels.isEmpty() || inFlightLevels.stream().anyMatch(level -> level < 1)) {
            throw new IllegalArgumentException("Every in-flight level must be at least 1: " + inFlightLevels);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("The warm-up must not be negative");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("The window must be at least 1 s");
        }
        if (drain.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("The drain period must be at least 1 s");
        }
    }
}
