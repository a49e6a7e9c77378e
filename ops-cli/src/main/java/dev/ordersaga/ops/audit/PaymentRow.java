package dev.ordersaga.ops.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * An order's payment as the audit reads it from the payments database; {@code amount} in minor units.
 *
 * @param customerId null only for a payment closed before any charge (see {@link #isTombstone()})
 */
record PaymentRow(UUID id, UUID orderId, String status, long amount, String currency, String customerId,
                  Instant createdAt) {

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

    /** {@code 1000 EUR}: minor units, as everywhere in the system. */
    String money() {
        return Money.format(amount, currency);
    }
}
