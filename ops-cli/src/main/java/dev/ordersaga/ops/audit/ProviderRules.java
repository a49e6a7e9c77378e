package dev.ordersaga.ops.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What must hold between the payment provider's books and the payments database, per order:
 * <ul>
 *   <li>a capture the provider still holds is the order's CHARGED payment: same charge id, amount and currency;</li>
 *   <li>a refunded capture is behind no CHARGED payment (a REFUNDED, DECLINED or closed one, or none);</li>
 *   <li>a CHARGED payment that went through the provider has its capture there.</li>
 * </ul>
 * A disagreement is judged by the order, as the other rules judge it: none while the order is in flight or older
 * than {@code --since}, a warning while it is not settled, a violation once it is (or when it does not exist).
 */
final class ProviderRules {

    private final OrderRules orderRules;
    private final Instant since;

    /** @param since only orders created at or after it are judged; all when null */
    ProviderRules(OrderRules orderRules, Instant since) {
        this.orderRules = orderRules;
        this.since = since;
    }

    /**
     * What disagrees between the provider's capture under the order's key and the order's payment, if anything.
     *
     * @param capture null when the provider holds none under the key
     * @param payment null when the order has none
     */
    static Optional<String> mismatch(UUID orderId, CaptureRow capture, PaymentRow payment) {
        boolean charged = payment != null && PaymentRow.CHARGED.equals(payment.status());
        if (capture == null) {
            return payment != null && payment.isChargedAtProvider()
                    ? Optional.of(chargedPayment(payment) + ", but the provider holds no capture under "
                            + CaptureRow.keyOf(orderId))
                    : Optional.empty();
        }
        if (capture.isRefunded()) {
            return charged ? Optional.of(chargedPayment(payment) + ", but the provider refunded capture "
                    + capture.chargeId() + " (" + capture.refundId() + ")") : Optional.empty();
        }
        String held = "the provider holds capture " + capture.chargeId() + " of " + capture.money();
        if (payment == null) {
            return Optional.of(held + ", but there is no payment");
        }
        if (!charged) {
            return Optional.of(held + ", but the payment is " + payment.status());
        }
        if (!capture.chargeId().equals(payment.providerChargeId())) {
            return Optional.of(held + ", but the payment is CHARGED with "
                    + (payment.providerChargeId() == null ? "no provider charge" : payment.providerChargeId()));
        }
        if (capture.amount() != payment.amount() || !capture.currency().equals(payment.currency())) {
            return Optional.of(held + ", but the payment is CHARGED " + payment.money());
        }
        return Optional.empty();
    }

    /**
     * @param order   null when there is no such order
     * @param problem what {@link #mismatch} found
     */
    Optional<Finding> judge(UUID orderId, OrderRow order, String problem) {
        if (order == null) {
            return Optional.of(Finding.violation(orderId, null, "no such order; " + problem));
        }
        if (since != null && order.createdAt().isBefore(since)) {
            return Optional.empty();
        }
        if (orderRules.inFlight(order)) {
            return Optional.empty();
        }
        if (OrderRules.isSettling(order)) {
            return Optional.of(Finding.warning(orderId, order.status(), problem + " (the order is not settled yet)"));
        }
        return Optional.of(Finding.violation(orderId, order.status(), problem));
    }

    /** A live capture under a key that names no order: nothing in the system accounts for that money. */
    static Finding unaccounted(CaptureRow capture) {
        return Finding.violation(null, null, "the provider holds capture " + capture.chargeId() + " of "
                + capture.money() + " under key " + capture.idempotencyKey() + ", which names no order");
    }

    private static String chargedPayment(PaymentRow payment) {
        return "payment is CHARGED (" + payment.providerChargeId() + ", " + payment.money() + ")";
    }
}
