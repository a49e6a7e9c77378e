package dev.ordersaga.ops;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** See {@link Interruption#onCtrlC(Duration)}. */
final class ShutdownHookInterruption implements Interruption {

    private final CountDownLatch loopClosed = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    ShutdownHookInterruption(Duration grace) {
        this.hook = new Thread(() -> {
            requested = true;
            try {
                loopClosed.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ops-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public boolean requested() {
        return requested;
    }

    @Override
    public void close() {
        loopClosed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running (Ctrl-C): it returns now that the loop is closed.
        }
    }
}
