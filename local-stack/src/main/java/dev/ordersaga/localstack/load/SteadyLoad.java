package dev.ordersaga.localstack.load;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open-ended load for the benchmark: keeps a given number of PlaceOrder requests in flight,
 * publishing the next one as soon as one finishes, until closed. Which orders count is decided
 * afterwards, per time window, by {@link #window}.
 */
public final class SteadyLoad implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SteadyLoad.class);
    private static final Duration SLOT_WAIT = Duration.ofMillis(100);

    private final OrderTraces traces = new OrderTraces();
    private final InFlightGate gate;
    private final PlaceOrderPublisher publisher;
    private final FinalEventListener listener;
    private final Thread listenerThread;
    private final Thread senderThread;
    private final AtomicBoolean publishing = new AtomicBoolean(true);
    private final AtomicLong completed = new AtomicLong();

    private SteadyLoad(String bootstrapServers, List<String> skus, List<String> customerIds, int inFlight)
            throws InterruptedException {
        this.gate = new InFlightGate(inFlight);
        this.listener = new FinalEventListener(bootstrapServers, this::finished);
        this.publisher = new PlaceOrderPublisher(bootstrapServers, skus, customerIds);
        this.listenerThread = new Thread(listener, "bench-final-events");
        this.senderThread = new Thread(this::publishWhileRunning, "bench-sender");
    }

    /** Starts publishing at once, keeping {@code inFlight} orders in flight. */
    public static SteadyLoad start(String bootstrapServers, List<String> skus, List<String> customerIds, int inFlight)
            throws InterruptedException {
        SteadyLoad load = new SteadyLoad(bootstrapServers, skus, customerIds, inFlight);
        load.listenerThread.start();
        load.senderThread.start();
        return load;
    }

    /** From now on, keep this many orders in flight. */
    public void inFlight(int limit) {
        gate.limit(limit);
    }

    /** Orders finished so far, for a progress line. */
    public long completed() {
        return completed.get();
    }

    /** Sends no more orders; the ones in flight can still finish. */
    public void stopPublishing() throws InterruptedException {
        publishing.set(false);
        senderThread.join();
        publisher.flush();
    }

    /** Orders published in {@code [start, end)} without a final event so far. */
    public long unfinished(long start, long end) {
        return traces.unfinished(start, end);
    }

    /** The window {@code [start, end)} (nanoTime values); see {@link OrderTraces#window}. */
    public WindowResult window(int inFlight, long start, long end, Duration drain) {
        return traces.window(inFlight, start, end, drain.toNanos());
    }

    @Override
    public void close() throws InterruptedException {
        stopPublishing();
        publisher.close();
        listener.stop();
        listenerThread.join();
    }

    private OptionalLong finished(String orderId, long nanos) {
        OptionalLong latency = traces.finished(orderId, nanos);
        if (latency.isPresent()) {
            completed.incrementAndGet();
            gate.leave();
        }
        return latency;
    }

    private void publishWhileRunning() {
        try {
            while (publishing.get()) {
                if (gate.enter(SLOT_WAIT)) {
                    publisher.publishNext(orderId -> traces.published(orderId, System.nanoTime()), this::sendFailed);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The benchmark's sender stopped: {}", e.toString());
        }
    }

    private void sendFailed(String orderId) {
        traces.sendFailed(orderId);
        gate.leave();
    }
}
