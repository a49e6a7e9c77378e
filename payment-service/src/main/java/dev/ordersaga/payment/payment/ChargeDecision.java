package dev.ordersaga.payment.payment;

/** Whether a charge went through, and if not, why (for the customer's and the operator's eyes). */
record ChargeDecision(boolean approved, String declineReason) {

    static ChargeDecision approve() {
        return new ChargeDecision(true, null);
    }

    static ChargeDecision decline(String reason) {
        return new ChargeDecision(false, reason);
    }
}
