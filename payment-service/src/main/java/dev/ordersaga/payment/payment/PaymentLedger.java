package dev.ordersaga.payment.payment;

import java.util.UUID;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Writes a new payment where no other may exist by now. The UNIQUE order_id is the final guard of "at most one
 * payment per order": when two deliveries of the same order race past the lookup, the loser finds the winner's
 * row. That loss is reported as a concurrency failure, which the messaging library retries; the retry finds the
 * winner's payment and answers with its outcome, instead of the command being dead-lettered. (The charge records
 * its payment with {@link PaymentRecords#insertUnlessOrderHasOne} and answers with the winner itself.)
 *
 * <p>The same transaction deletes the order's marker of provider charge attempts ({@link ProviderChargeAttempts}):
 * once the order has a payment row, whatever the provider holds for it is settled by that row, so the marker table
 * only ever holds orders whose charge is under way or in doubt.
 */
@Component
class PaymentLedger {

    private final PaymentRecords payments;
    private final ProviderChargeAttempts chargeAttempts;

    PaymentLedger(PaymentRecords payments, ProviderChargeAttempts chargeAttempts) {
        this.payments = payments;
        this.chargeAttempts = chargeAttempts;
    }

    void record(Payment payment) {
        if (!payments.insertUnlessOrderHasOne(payment)) {
            throw new ConcurrentPaymentException(payment.orderId());
        }
        chargeAttempts.settle(payment.orderId());
    }

    /** Another transaction recorded this order's payment first. */
    static final class ConcurrentPaymentException extends ConcurrencyFailureException {

        ConcurrentPaymentException(UUID orderId) {
            super("Another transaction recorded the payment of order " + orderId + " first");
        }
    }
}
