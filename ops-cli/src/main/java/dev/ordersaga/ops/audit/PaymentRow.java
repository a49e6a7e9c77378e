package dev.ordersaga.ops.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * An order's payment as the audit reads it from the payments database; {@code amount} in minor units.
 *
 * @param customerId       null only for a payment closed before any charge (see {@link #isTombstone()})
 * @param providerChargeId the payment provider's id of the capture behind a CHARGED (later REFUNDED) payment; null
 *                         for payments that never reached the provider, and for those charged before charges went
 *                         through it
 */
record PaymentRow(UUID id, UUID orderId, String status, long amount, String currency, String customerId,
                  String providerChargeId, Instant createdAt) {

    static final String CHARGED = "CHARGED";
    static final String DECLINED = "DECLINED";
    static final String REFUNDED = "REFUNDED";

    /**
     * What payment-service records when an order is refunded before any charge arrived
     * ({@code Payment.closedBeforeCharge}): DECLINED, for nobody, of zero, so a late charge is declined.
     */
    boolean isTombstone() {
        return DECLINED.equals(status) && customerId == null && amount == 0;
    }

    /** CHARGED through the provider: then the provider must hold its capture. */
    boolean isChargedAtProvider() {
        return CHARGED.equals(status) && providerChargeId != null;
    }

    /** {@code 1000 EUR}: minor units, as everywhere in the system. */
    String money() {
        return Money.format(amount, currency);
    }
}
