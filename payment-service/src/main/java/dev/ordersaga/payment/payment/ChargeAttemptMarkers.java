package dev.ordersaga.payment.payment;

import java.util.UUID;

/**
 * The markers of orders whose charge reached for the provider without a recorded outcome, as
 * {@link AccountCharger} sets them; kept by {@link ProviderChargeAttempts}. Whether an order is marked already is
 * read with the rest of the charge's situation ({@link ChargeSituations}).
 */
interface ChargeAttemptMarkers {

    /**
     * Marks the order in doubt and commits that at once, whatever becomes of the caller's transaction: from the
     * provider call on, a crash or a failed commit must still leave the mark behind.
     */
    void markBeforeProviderCall(UUID orderId);
}
