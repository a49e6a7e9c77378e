package dev.ordersaga.payment.payment;

import dev.ordersaga.support.persistence.UniqueKeyConflicts;
import java.util.UUID;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Writes a new payment. The UNIQUE order_id is the final guard of "at most one payment per order": when two
 * deliveries of the same order race past the lookup, the loser hits it. That loss is reported as a
 * concurrency failure, which the messaging library retries; the retry finds the winner's payment and
 * answers with its outcome, instead of the command being dead-lettered.
 *
 * <p>The same transaction deletes the order's marker of provider charge attempts ({@link ProviderChargeAttempts}):
 * once the order has a payment row, whatever the provider holds for it is settled by that row, so the marker table
 * only ever holds orders whose charge is under way or in doubt.
 */
@Component
class PaymentLedger {

    static final String ONE_PAYMENT_PER_ORDER = "payments_order_id_key";

    private final PaymentRepository payments;
    private final ProviderChargeAttempts chargeAttempts;

    PaymentLedger(PaymentRepository payments, ProviderChargeAttempts chargeAttempts) {
        this.payments = payments;
        this.chargeAttempts = chargeAttempts;
    }

    void record(Payment payment) {
        UniqueKeyConflicts.guard(() -> payments.saveAndFlush(payment), ONE_PAYMENT_PER_ORDER,
                violation -> new ConcurrentPaymentException(payment.orderId(), violation));
        chargeAttempts.settle(payment.orderId());
    }

    /** Another transaction recorded this order's payment first. */
    static final class ConcurrentPaymentException extends ConcurrencyFailureException {

        ConcurrentPaymentException(UUID orderId, Throwable cause) {
            super("Another transaction recorded the payment of order " + orderId + " first", cause);
        }
    }
}
