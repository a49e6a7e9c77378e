package dev.ordersaga.localstack.load;

/**
 * What a steady load did in one measuring window.
 *
 * @param inFlight      the number of orders kept in flight
 * @param windowNanos   the window's length
 * @param completed     orders whose first final event arrived in the window
 * @param lost          orders published in the window with no final event by the end of the drain period
 * @param duplicated    repeated final events of the window's orders
 * @param latencyMicros publish-to-final-event latency of the completed orders, in microseconds
 */
public record WindowResult(int inFlight, long windowNanos, long completed, long lost, long duplicated,
        LoadSummary.Latency latencyMicros) {

    public double windowSeconds() {
        return windowNanos / 1e9;
    }

    public double sagasPerSecond() {
        return windowNanos == 0 ? 0 : completed / windowSeconds();
    }
}
