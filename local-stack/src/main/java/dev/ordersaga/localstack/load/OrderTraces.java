package dev.ordersaga.localstack.load;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * When each order of a steady load was published and when its final events arrived, so that any
 * time window can be accounted for afterwards. Thread-safe: the sender and the event consumer use
 * it at the same time. Times are {@link System#nanoTime()} values.
 */
final class OrderTraces implements FinishedOrders {

    private final Map<String, Trace> traces = new ConcurrentHashMap<>();

    void published(String orderId, long nanos) {
        traces.put(orderId, new Trace(nanos));
    }

    /** Kafka refused the send: the order never entered the system, so no window counts it. */
    void sendFailed(String orderId) {
        traces.remove(orderId);
    }

    @Override
    public OptionalLong finished(String orderId, long nanos) {
        Trace trace = traces.get(orderId);
        return trace == null ? OptionalLong.empty() : trace.finalEvent(nanos);
    }

    /**
     * The window {@code [start, end)}:
     * <ul>
     *   <li>completed: orders whose first final event arrived in the window, wherever they were
     *       published; their publish-to-final latencies make the percentiles;</li>
     *   <li>lost: orders published in the window without a final event by {@code end + drain};</li>
     *   <li>duplicated: final events beyond the first, of the orders published or completed in the window.</li>
     * </ul>
     */
    WindowResult window(int inFlight, long start, long end, long drainNanos) {
        Histogram latencyMicros = new Histogram(3);
        long completed = 0;
        long lost = 0;
        long duplicated = 0;
        for (Trace trace : traces.values()) {
            Trace.Snapshot seen = trace.snapshot();
            boolean publishedInWindow = within(seen.publishedAt(), start, end);
            boolean completedInWindow = seen.finalEvents() > 0 && within(seen.firstFinalAt(), start, end);
            if (completedInWindow) {
                completed++;
                latencyMicros.recordValue(TimeUnit.NANOSECONDS.toMicros(seen.firstFinalAt() - seen.publishedAt()));
            }
            if (publishedInWindow && (seen.finalEvents() == 0 || seen.firstFinalAt() - end > drainNanos)) {
                lost++;
            }
            if ((publishedInWindow || completedInWindow) && seen.finalEvents() > 1) {
                duplicated += seen.finalEvents() - 1;
            }
        }
        return new WindowResult(inFlight, end - start, completed, lost, duplicated, LoadSummary.Latency.of(latencyMicros));
    }

    /** Orders published in {@code [start, end)} that have no final event yet. */
    long unfinished(long start, long end) {
        return traces.values().stream()
                .map(Trace::snapshot)
                .filter(seen -> seen.finalEvents() == 0 && within(seen.publishedAt(), start, end))
                .count();
    }

    // nanoTime values may be negative and only their differences are meaningful.
    private static boolean within(long nanos, long start, long end) {
        return nanos - start >= 0 && nanos - end < 0;
    }

    private static final class Trace {

        private final long publishedAt;
        private long firstFinalAt;
        private int finalEvents;

        Trace(long publishedAt) {
            this.publishedAt = publishedAt;
        }

        synchronized OptionalLong finalEvent(long nanos) {
            finalEvents++;
            if (finalEvents > 1) {
                return OptionalLong.empty();
            }
            firstFinalAt = nanos;
            return OptionalLong.of(nanos - publishedAt);
        }

        synchronized Snapshot snapshot() {
            return new Snapshot(publishedAt, firstFinalAt, finalEvents);
        }

        record Snapshot(long publishedAt, long firstFinalAt, int finalEvents) {
        }
    }
}
