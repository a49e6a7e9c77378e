package dev.ordersaga.localstack.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The result of a load run.
 *
 * @param requested            orders the run was asked to send
 * @param sent                 orders handed to Kafka
 * @param sendFailures         sends that Kafka did not acknowledge
 * @param outcomes             orders per final event type
 * @param incomplete           sent orders with no final event within the timeout
 * @param duplicateFinalEvents final events seen again for an already finished order
 * @param elapsed              from the first send to the last final event
 * @param latencyMicros        publish-to-final-event latency percentiles, in microseconds
 */
public record LoadSummary(
        long requested,
        long sent,
        long sendFailures,
        Map<String, Long> outcomes,
        long incomplete,
        long duplicateFinalEvents,
        Duration elapsed,
        Latency latencyMicros) {

    public LoadSummary {
        outcomes = Map.copyOf(outcomes);
    }

    /** Every requested order was sent and reached a final state. */
    public boolean allOrdersFinished() {
        return sent == requested && sendFailures == 0 && incomplete == 0;
    }

    public long completed() {
        return outcomes.values().stream().mapToLong(Long::longValue).sum();
    }

    public double sagasPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : completed() / seconds;
    }

    /** The report printed at the end of a run. */
    public String format() {
        String outcomeCounts = Arrays.stream(FinalOutcome.values())
                .map(FinalOutcome::typeName)
                .map(name -> name + " " + outcomes.getOrDefault(name, 0L))
                .collect(Collectors.joining(", "));
        return String.join(System.lineSeparator(),
                String.format(Locale.ROOT, "Orders:      %d requested, %d sent, %d completed, %d incomplete, %d send failures",
                        requested, sent, completed(), incomplete, sendFailures),
                "Outcomes:    " + outcomeCounts,
                String.format(Locale.ROOT, "Total time:  %.2f s", elapsed.toNanos() / 1e9),
                String.format(Locale.ROOT, "Throughput:  %.1f sagas/s", sagasPerSecond()),
                String.format(Locale.ROOT, "Latency:     p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                        latencyMicros.p50() / 1e3, latencyMicros.p95() / 1e3, latencyMicros.p99() / 1e3,
                        latencyMicros.max() / 1e3),
                "Duplicates:  " + duplicateFinalEvents + " repeated final events");
    }

    /** Latency percentiles; all zero when nothing completed. */
    public record Latency(long p50, long p95, long p99, long max) {

        static Latency of(Histogram histogram) {
            if (histogram.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0);
            }
            return new Latency(
                    histogram.getValueAtPercentile(50),
                    histogram.getValueAtPercentile(95),
                    histogram.getValueAtPercentile(99),
                    histogram.getMaxValue());
        }
    }
}
