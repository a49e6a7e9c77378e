package dev.ordersaga.payment.provider;

import dev.ordersaga.payment.money.Money;

/**
 * The external payment provider. Every call carries an idempotency key, so repeating it (a retry, a saga retry
 * later) never charges or refunds twice. Implemented over HTTP by {@link PaymentProviderClient}.
 */
public interface PaymentProvider {

    /**
     * @param reference shown at the provider, e.g. the order id
     * @throws ProviderUnavailableException transient: nothing is known about the charge's outcome
     * @throws ProviderRejectedException    the provider refused the request (e.g. the key was used for another one)
     */
    ProviderCharge charge(String idempotencyKey, String customerId, Money amount, String reference);

    /**
     * Refunds the capture made under {@code chargeIdempotencyKey}, if there is one; at most once, whatever the key.
     *
     * @throws ProviderUnavailableException transient: nothing is known about the refund's outcome
     * @throws ProviderRejectedException    the provider refused the request
     */
    ProviderRefund refund(String idempotencyKey, String chargeIdempotencyKey);

    /**
     * Asks the provider's reporting API what it holds under a charge's key, without changing anything: how a
     * charge whose answer was lost learns what became of it.
     *
     * @throws ProviderUnavailableException transient: nothing is known
     * @throws ProviderRejectedException    the provider refused the request, or its answer makes no sense
     */
    ProviderCapture captureUnder(String chargeIdempotencyKey);
}
