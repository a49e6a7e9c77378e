package dev.ordersaga.ops;

import java.time.Duration;

/**
 * Ctrl-C, seen by a long loop that wants to stop cleanly between two items rather than die in the middle of
 * one. Open it around the loop and close it when the loop is over (summary printed).
 */
public interface Interruption extends AutoCloseable {

    boolean requested();

    @Override
    void close();

    /** Opens an {@link Interruption} for one loop. */
    @FunctionalInterface
    interface Source {
        /** @param grace how long Ctrl-C may wait for the item in flight and the summary */
        Interruption open(Duration grace);
    }

    /**
     * The JVM's shutdown hook: on Ctrl-C it flags the stop, then holds the JVM until the loop has closed this
     * (at most {@code grace}), so the item in flight completes and the summary is printed. The JVM then exits
     * with 130 by itself.
     */
    static Interruption onCtrlC(Duration grace) {
        return new ShutdownHookInterruption(grace);
    }
}
