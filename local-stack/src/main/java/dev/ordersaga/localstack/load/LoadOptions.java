package dev.ordersaga.localstack.load;

import java.time.Duration;

/**
 * @param orders            how many PlaceOrder requests to publish
 * @param concurrency       at most this many orders without a final event at any time
 * @param completionTimeout how long to wait for the outstanding orders once the last one is sent,
 *                          and for a free slot while sending
 */
public record LoadOptions(int orders, int concurrency, Duration completionTimeout) {

    public LoadOptions {
        if (orders < 1) {
            throw new IllegalArgumentException("orders must be at least 1, not " + orders);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (completionTimeout.isNegative() || completionTimeout.isZero()) {
            throw new IllegalArgumentException("completionTimeout must be positive");
        }
    }
}
