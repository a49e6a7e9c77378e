package dev.ordersaga.localstack.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes PlaceOrder requests to {@code order.requests} as an outside producer would (plain
 * Kafka client, JSON, the documented headers), keeps at most {@code concurrency} orders in flight,
 * and measures the time from each publish to the order's final event on {@code order.events}.
 */
public final class LoadDriver {

    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final List<String> skus;
    private final List<String> customerIds;
    private final LoadOptions options;
    private final PrintStream progressOut;
    private int lastProgressLength;

    /**
     * @param skus        products that exist with enough stock
     * @param customerIds customers whose accounts exist with enough balance
     * @param progressOut where the live progress line goes, e.g. {@code System.out}
     */
    public LoadDriver(String bootstrapServers, List<String> skus, List<String> customerIds, LoadOptions options,
            PrintStream progressOut) {
        this.bootstrapServers = bootstrapServers;
        this.skus = List.copyOf(skus);
        this.customerIds = List.copyOf(customerIds);
        this.options = options;
        this.progressOut = progressOut;
    }

    public LoadSummary run() throws InterruptedException {
        InFlightOrders inFlight = new InFlightOrders(options.concurrency());
        FinalEventListener listener = new FinalEventListener(bootstrapServers, inFlight);
        Thread listenerThread = new Thread(listener, "load-final-events");
        listenerThread.start();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-progress");
            thread.setDaemon(true);
            return thread;
        });
        AtomicLong lastCompleted = new AtomicLong();
        long intervalNanos = PROGRESS_INTERVAL.toNanos();
        progress.scheduleAtFixedRate(() -> printProgress(inFlight, listener, lastCompleted, intervalNanos),
                intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);

        long firstSendNanos;
        try (PlaceOrderPublisher publisher = new PlaceOrderPublisher(bootstrapServers, skus, customerIds)) {
            firstSendNanos = System.nanoTime();
            sendAll(publisher, inFlight);
            publisher.flush();
            inFlight.awaitAllFinished(options.completionTimeout());
        } finally {
            progress.shutdownNow();
            listener.stop();
            listenerThread.join();
        }
        printProgress(inFlight, listener, lastCompleted, intervalNanos);
        progressOut.println();
        return summary(inFlight, listener, firstSendNanos);
    }

    private void sendAll(PlaceOrderPublisher publisher, InFlightOrders inFlight) throws InterruptedException {
        for (int i = 0; i < options.orders(); i++) {
            if (!inFlight.takeSlot(options.completionTimeout())) {
                progressOut.printf("%nNo order finished within %d s; stopping the load early.%n",
                        options.completionTimeout().toSeconds());
                return;
            }
            publisher.publishNext(orderId -> inFlight.sent(orderId, System.nanoTime()), inFlight::sendFailed);
        }
    }

    private synchronized void printProgress(InFlightOrders inFlight, FinalEventListener listener, AtomicLong lastCompleted,
            long intervalNanos) {
        long completed = inFlight.completed();
        double rate = (completed - lastCompleted.getAndSet(completed)) / (intervalNanos / 1e9);
        String line = ProgressLine.format(inFlight.sent(), options.orders(), completed, listener.outcomeCounts(), rate);
        // Pad with blanks so a shorter line fully covers the one before it.
        progressOut.print("\r" + line + " ".repeat(Math.max(0, lastProgressLength - line.length())));
        lastProgressLength = line.length();
        progressOut.flush();
    }

    private LoadSummary summary(InFlightOrders inFlight, FinalEventListener listener, long firstSendNanos) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        listener.outcomeCounts().forEach((outcome, count) -> outcomes.put(outcome.typeName(), count));
        long endNanos = inFlight.outstanding() == 0 && listener.lastFinishedNanos() != 0
                ? listener.lastFinishedNanos()
                : System.nanoTime();
        return new LoadSummary(
                options.orders(),
                inFlight.sent(),
                inFlight.sendFailures(),
                outcomes,
                inFlight.outstanding(),
                inFlight.duplicateFinalEvents(),
                Duration.ofNanos(endNanos - firstSendNanos),
                LoadSummary.Latency.of(listener.latencyMicros()));
    }
}
