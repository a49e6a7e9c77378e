package dev.ordersaga.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Window accounting over a timeline in plain numbers: window [1000, 2000), drain 500. */
class OrderTracesTest {

    private static final long START = 1_000;
    private static final long END = 2_000;
    private static final long DRAIN = 500;

    private final OrderTraces traces = new OrderTraces();

    @Test
    void completedAreTheOrdersWhoseFirstFinalEventFallsInTheWindowWhereverTheyWerePublished() {
        finish("warm-up order finishing in the window", 900, 1_100);
        finish("window order", 1_200, 1_500);
        finish("finished before the window", 800, 950);
        finish("finished after the window", 1_900, 2_100);

        WindowResult window = traces.window(16, START, END, DRAIN);

        assertThat(window.completed()).isEqualTo(2);
        assertThat(window.inFlight()).isEqualTo(16);
        assertThat(window.windowNanos()).isEqualTo(1_000);
    }

    @Test
    void lostAreTheWindowsOrdersWithoutAFinalEventByTheEndOfTheDrain() {
        traces.published("never finished", 1_100);
        finish("finished after the drain", 1_200, 2_501);
        finish("finished within the drain", 1_300, 2_500);
        traces.published("published after the window, never finished", 2_000);
        traces.published("published in the warm-up, never finished", 999);

        assertThat(traces.window(1, START, END, DRAIN).lost()).isEqualTo(2);
        assertThat(traces.unfinished(START, END)).isEqualTo(1);
    }

    @Test
    void duplicatedCountsEveryRepeatedFinalEventOfTheWindowsOrders() {
        finish("twice", 1_100, 1_200);
        traces.finished("twice", 1_300);
        finish("three times, published in the warm-up", 500, 1_050);
        traces.finished("three times, published in the warm-up", 1_060);
        traces.finished("three times, published in the warm-up", 1_070);
        finish("twice, but outside the window", 100, 200);
        traces.finished("twice, but outside the window", 300);

        WindowResult window = traces.window(1, START, END, DRAIN);

        assertThat(window.duplicated()).isEqualTo(3);
        assertThat(window.completed()).isEqualTo(2);
    }

    @Test
    void latencyIsFromPublishToTheFirstFinalEventOfTheCompletedOrders() {
        for (int i = 0; i < 100; i++) {
            finish("order-" + i, 1_000 + i, 1_000 + i + (i + 1) * 1_000L);
        }
        WindowResult window = traces.window(64, 0, 1_000_000, DRAIN);

        // Latencies are 1..100 µs: the percentiles of that list.
        assertThat(window.latencyMicros().p50()).isEqualTo(50);
        assertThat(window.latencyMicros().p99()).isEqualTo(99);
        assertThat(window.latencyMicros().max()).isEqualTo(100);
        assertThat(window.completed()).isEqualTo(100);
        assertThat(window.sagasPerSecond()).isEqualTo(100 / 0.001);
    }

    @Test
    void theFirstFinalEventGivesTheLatencyAndLaterOnesNothing() {
        traces.published("order", 1_000);

        assertThat(traces.finished("order", 4_000)).hasValue(3_000);
        assertThat(traces.finished("order", 5_000)).isEmpty();
        assertThat(traces.finished("not ours", 5_000)).isEmpty();
    }

    @Test
    void anOrderKafkaRefusedCountsInNoWindow() {
        traces.published("refused", 1_100);
        traces.sendFailed("refused");

        WindowResult window = traces.window(1, START, END, DRAIN);

        assertThat(window.lost()).isZero();
        assertThat(window.completed()).isZero();
    }

    @Test
    void windowBoundsWorkAcrossTheSignOfNanoTime() {
        finish("order", -1_500, -500);

        assertThat(traces.window(1, -1_000, 0, DRAIN).completed()).isEqualTo(1);
    }

    private void finish(String orderId, long publishedAt, long finishedAt) {
        traces.published(orderId, publishedAt);
        traces.finished(orderId, finishedAt);
    }
}
