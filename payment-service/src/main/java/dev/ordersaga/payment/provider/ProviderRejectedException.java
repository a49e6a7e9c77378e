package dev.ordersaga.payment.provider;

/**
 * The provider refused the request itself (a 4xx other than a decline or "no charge", e.g. 409 for an
 * idempotency key reused with another amount): a bug or a conflict, not a transient failure and not a business
 * answer. Never retried; the command that caused it is dead-lettered for an operator.
 */
public class ProviderRejectedException extends RuntimeException {

    public ProviderRejectedException(String message) {
        super(message);
    }
}
