package dev.ordersaga.payment.payment;

/**
 * What the provider did with a refund of an order's charge.
 *
 * @param reason why the provider could not be reached, when unavailable
 */
record RefundDecision(Outcome outcome, String reason) {

    enum Outcome {
        /** The provider's capture is refunded (now or before). */
        REFUNDED,
        /** The provider never captured anything for the order. */
        NOTHING_CAPTURED,
        /** The provider could not be reached: nothing happened here, the saga asks again later. */
        UNAVAILABLE
    }

    static RefundDecision refunded() {
        return new RefundDecision(Outcome.REFUNDED, null);
    }

    static RefundDecision nothingCaptured() {
        return new RefundDecision(Outcome.NOTHING_CAPTURED, null);
    }

    static RefundDecision unavailable(String reason) {
        return new RefundDecision(Outcome.UNAVAILABLE, reason);
    }
}
