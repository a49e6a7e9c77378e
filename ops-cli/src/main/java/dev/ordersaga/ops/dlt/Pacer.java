package dev.ordersaga.ops.dlt;

import java.util.function.LongSupplier;

/** {@code --rate}: at most N records per second, by keeping sends at least 1/N s apart. */
final class Pacer {

    /** Waits, like {@link Thread#sleep}, for a number of nanoseconds. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    static final Pacer UNLIMITED = new Pacer(null, System::nanoTime, nanos -> { });

    private final Long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private Long nextSlot;

    /** @param perSecond {@code null} for no limit */
    Pacer(Double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = perSecond == null ? null : Math.round(1_000_000_000d / perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static Pacer perSecond(Double perSecond) {
        return perSecond == null ? UNLIMITED
                : new Pacer(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Returns when the next record may be sent. */
    void awaitTurn() throws InterruptedException {
        if (intervalNanos == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (nextSlot != null && nextSlot - now > 0) {
            sleeper.sleep(nextSlot - now);
            now = nextSlot;
        }
        nextSlot = now + intervalNanos;
    }
}
