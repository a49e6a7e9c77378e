package dev.ordersaga.payment.payment;

import java.util.UUID;

/**
 * The markers of orders whose charge reached for the provider without a recorded outcome, as
 * {@link AccountCharger} uses them; kept by {@link ProviderChargeAttempts}.
 */
interface ChargeAttemptMarkers {

    /** Whether an earlier attempt may have captured at the provider without this service recording it. */
    boolean inDoubt(UUID orderId);

    /**
     * Marks the order in doubt and commits that at once, whatever becomes of the caller's transaction: from the
     * provider call on, a crash or a failed commit must still leave the mark behind.
     */
    void markBeforeProviderCall(UUID orderId);
}
