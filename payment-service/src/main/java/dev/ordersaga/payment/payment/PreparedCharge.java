package dev.ordersaga.payment.payment;

/**
 * What {@link ChargePayments#prepare} found out before the message's transaction, for
 * {@link ChargePayments#apply} to record in it.
 */
sealed interface PreparedCharge {

    /** The order had a payment: it is answered again, nothing was asked of the provider. */
    record AlreadyRecorded() implements PreparedCharge {
    }

    /** The charge was decided, at the provider where it had to be. */
    record Decided(ChargeDecision decision) implements PreparedCharge {
    }
}
