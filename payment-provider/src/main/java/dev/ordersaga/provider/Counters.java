package dev.ordersaga.provider;

import java.util.concurrent.atomic.LongAdder;

/** The running counts behind {@link ProviderStats}; written from the request threads. */
final class Counters {

    private final LongAdder captured = new LongAdder();
    private final LongAdder declined = new LongAdder();
    private final LongAdder refunds = new LongAdder();
    private final LongAdder replays = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder timeouts = new LongAdder();

    void captured() {
        captured.increment();
    }

    void declined() {
        declined.increment();
    }

    void refunded() {
        refunds.increment();
    }

    void replayed() {
        replays.increment();
    }

    void injectedFailure() {
        failures.increment();
    }

    void timedOut() {
        timeouts.increment();
    }

    ProviderStats snapshot() {
        return new ProviderStats(captured.sum(), declined.sum(), refunds.sum(), replays.sum(), failures.sum(),
                timeouts.sum());
    }
}
