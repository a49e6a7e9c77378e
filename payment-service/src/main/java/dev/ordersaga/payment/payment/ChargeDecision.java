package dev.ordersaga.payment.payment;

/**
 * Whether a charge went through, and if not, why (for the customer's and the operator's eyes).
 *
 * @param providerChargeId the provider's id of the capture, when approved
 * @param reason           why it was declined, or why the provider could not be reached
 */
record ChargeDecision(Outcome outcome, String providerChargeId, String reason) {

    enum Outcome {
        /** Captured at the provider and debited: final. */
        APPROVED,
        /** Refused here or by the provider: final. */
        DECLINED,
        /**
         * The provider could not be reached, for the charge, for asking what an earlier attempt captured, or for
         * refunding that capture before a decline here: no payment, no debit, the saga asks again later.
         */
        UNAVAILABLE
    }

    static ChargeDecision approve(String providerChargeId) {
        return new ChargeDecision(Outcome.APPROVED, providerChargeId, null);
    }

    static ChargeDecision decline(String reason) {
        return new ChargeDecision(Outcome.DECLINED, null, reason);
    }

    static ChargeDecision unavailable(String reason) {
        return new ChargeDecision(Outcome.UNAVAILABLE, null, reason);
    }
}
