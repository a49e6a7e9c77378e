package dev.ordersaga.localstack.load;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** At most {@code limit} orders in flight, where the limit may change while orders are out (a sweep raises it). */
final class InFlightGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFreed = lock.newCondition();
    private int limit;
    private int inFlight;

    InFlightGate(int limit) {
        limit(limit);
    }

    void limit(int newLimit) {
        if (newLimit < 1) {
            throw new IllegalArgumentException("The in-flight limit must be at least 1, not " + newLimit);
        }
        lock.lock();
        try {
            limit = newLimit;
            slotFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes a slot, waiting up to {@code timeout} for one; false if none came free. */
    boolean enter(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (inFlight >= limit) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = slotFreed.awaitNanos(remaining);
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void leave() {
        lock.lock();
        try {
            if (inFlight > 0) {
                inFlight--;
                slotFreed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
