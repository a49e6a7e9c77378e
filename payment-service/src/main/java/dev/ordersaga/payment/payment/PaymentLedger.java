package dev.ordersaga.payment.payment;

import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Writes a new payment. The UNIQUE order_id is the final guard of "at most one payment per order": when two
 * deliveries of the same order race past the lookup, the loser hits it. That loss is reported as a
 * concurrency failure, which the messaging library retries; the retry finds the winner's payment and
 * answers with its outcome, instead of the command being dead-lettered.
 */
@Component
class PaymentLedger {

    static final String ONE_PAYMENT_PER_ORDER = "payments_order_id_key";

    private final PaymentRepository payments;

    PaymentLedger(PaymentRepository payments) {
        this.payments = payments;
    }

    void record(Payment payment) {
        try {
            payments.saveAndFlush(payment);
        } catch (DataIntegrityViolationException e) {
            if (violates(e, ONE_PAYMENT_PER_ORDER)) {
                throw new ConcurrentPaymentException(payment.orderId(), e);
            }
            throw e;
        }
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** Another transaction recorded this order's payment first. */
    static final class ConcurrentPaymentException extends ConcurrencyFailureException {

        ConcurrentPaymentException(UUID orderId, Throwable cause) {
            super("Another transaction recorded the payment of order " + orderId + " first", cause);
        }
    }
}
