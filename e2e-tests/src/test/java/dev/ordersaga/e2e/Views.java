package dev.ordersaga.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The REST responses the scenarios read, as the services document them. Unlisted fields are ignored. */
final class Views {

    private Views() {
    }

    record Money(long amount, String currency) {
    }

    record Order(String orderId, String customerId, String status, String currency, Money total, List<OrderLine> lines,
            String rejectionReason) {
    }

    record OrderLine(String sku, int quantity, Money unitPrice) {
    }

    record Product(String sku, String name, long available, long reserved, long sold) {
    }

    record Account(String customerId, Money balance) {
    }

    record Payment(String orderId, String paymentId, String status, Money amount) {
    }

    record Saga(String sagaId, String orderId, String definition, String definitionVersion, String state,
            String currentStep, List<SagaHistoryEntry> history) {

        List<String> messageTypes() {
            return history.stream().map(SagaHistoryEntry::messageType).filter(type -> type != null).toList();
        }
    }

    record SagaHistoryEntry(String at, String type, String step, String messageType, String messageId, JsonNode detail) {
    }

    /** The payment provider's report ({@code GET /v1/charges}): every capture it made, refunded or not. */
    record ProviderCharges(List<ProviderCharge> data) {
    }

    /**
     * One capture at the provider, under the idempotency key payment-service charged with.
     *
     * @param status {@code captured}, or {@code refunded} once refunded (then {@code refundId} is set)
     */
    record ProviderCharge(String idempotencyKey, String chargeId, String customerId, long amount, String currency,
            String status, String refundId) {

        /** Money the provider still holds: a capture not refunded. */
        boolean live() {
            return "captured".equals(status);
        }
    }
}
