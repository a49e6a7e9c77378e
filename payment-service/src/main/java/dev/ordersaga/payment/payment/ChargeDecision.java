package dev.ordersaga.payment.payment;

/**
 * Whether a charge went through, and if not, why (for the customer's and the operator's eyes).
 *
 * @param providerChargeId the provider's id of the capture, when approved
 * @param reason           why it was declined, or why the provider could not be reached
 * @param settlesMarker    whether recording this final outcome settles the order's marker: it was marked before
 *                         this attempt's provider call, or found marked and settled with the provider. False for a
 *                         decline that never involved the provider, which so leaves any marker it did not see alone
 */
record ChargeDecision(Outcome outcome, String providerChargeId, String reason, boolean settlesMarker) {

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

    /** Always after a marker: the capture was made (or found) under the order's key. */
    static ChargeDecision approve(String providerChargeId) {
        return new ChargeDecision(Outcome.APPROVED, providerChargeId, null, true);
    }

    /** Declined here without the provider: no marker of this attempt's. */
    static ChargeDecision decline(String reason) {
        return new ChargeDecision(Outcome.DECLINED, null, reason, false);
    }

    /** Declined by the provider, or here once the provider holds nothing under the order's key. */
    static ChargeDecision declineSettling(String reason) {
        return new ChargeDecision(Outcome.DECLINED, null, reason, true);
    }

    /** The marker stays: the provider may hold a capture. */
    static ChargeDecision unavailable(String reason) {
        return new ChargeDecision(Outcome.UNAVAILABLE, null, reason, false);
    }
}
