package dev.ordersaga.localstack.load;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The orders sent and not yet finished. A slot must be taken before sending and is given back by
 * the order's first final event (or by a failed send), so at most {@code limit} orders are in flight.
 * Thread-safe: the sender and the event consumer use it at the same time.
 */
final class InFlightOrders implements FinishedOrders {

    private final int limit;
    private final Semaphore slots;
    private final Map<String, Long> sentAtNanos = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong duplicateFinalEvents = new AtomicLong();
    private final Map<String, Boolean> finished = new ConcurrentHashMap<>();

    InFlightOrders(int limit) {
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    /** Waits up to {@code timeout} for a free slot; false if none came free. */
    boolean takeSlot(Duration timeout) throws InterruptedException {
        return slots.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Records an order as sent at {@code nanos}; call before the send so its final event always finds it. */
    void sent(String orderId, long nanos) {
        sentAtNanos.put(orderId, nanos);
        sent.incrementAndGet();
    }

    /** The send itself failed: the order will never finish, so its slot is freed now. */
    void sendFailed(String orderId) {
        if (sentAtNanos.remove(orderId) != null) {
            sendFailures.incrementAndGet();
            slots.release();
        }
    }

    /**
     * A final event for {@code orderId} arrived at {@code nanos}.
     *
     * @return the order's latency in nanoseconds the first time; empty for a repeated final event or
     *         an order this run did not send
     */
    @Override
    public OptionalLong finished(String orderId, long nanos) {
        Long sentAt = sentAtNanos.remove(orderId);
        if (sentAt == null) {
            if (finished.containsKey(orderId)) {
                duplicateFinalEvents.incrementAndGet();
            }
            return OptionalLong.empty();
        }
        finished.put(orderId, Boolean.TRUE);
        completed.incrementAndGet();
        slots.release();
        return OptionalLong.of(nanos - sentAt);
    }

    /** Waits up to {@code timeout} until no order is in flight. */
    boolean awaitAllFinished(Duration timeout) throws InterruptedException {
        if (slots.tryAcquire(limit, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            slots.release(limit);
            return true;
        }
        return false;
    }

    long sent() {
        return sent.get();
    }

    long completed() {
        return completed.get();
    }

    long sendFailures() {
        return sendFailures.get();
    }

    long duplicateFinalEvents() {
        return duplicateFinalEvents.get();
    }

    /** Sent, and neither finished nor failed to send. */
    long outstanding() {
        return sentAtNanos.size();
    }
}
