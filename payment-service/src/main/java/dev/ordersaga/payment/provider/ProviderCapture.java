package dev.ordersaga.payment.provider;

import dev.ordersaga.payment.money.Money;

/** What the provider holds under a charge's idempotency key, as its reporting API lists it. */
public sealed interface ProviderCapture {

    /** Nothing was captured under the key: never asked, declined, or not processed yet. */
    record NotCaptured() implements ProviderCapture {
    }

    /** The money is captured and still held. */
    record Captured(String chargeId, Money amount) implements ProviderCapture {
    }

    /** The capture was refunded: the key is spent, a charge under it would only find this capture again. */
    record Refunded(String chargeId, Money amount) implements ProviderCapture {
    }
}
