package dev.ordersaga.payment.provider;

/**
 * The provider could not be reached or gave no usable answer in time (circuit open, bulkhead full, timeouts,
 * connection errors, 5xx after the last retry). Transient: the provider did nothing, or did something under an
 * idempotency key that a later call with the same key finds again.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String reason, Throwable cause) {
        super("payment provider unavailable: " + reason, cause);
    }
}
