package dev.ordersaga.ops.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * A capture as the payment provider's reporting API lists it ({@code GET /v1/charges}); {@code amount} in minor
 * units. payment-service charges an order under the idempotency key {@code charge-<orderId>}.
 *
 * @param status   {@code captured} (the money is held) or {@code refunded}
 * @param refundId the provider's refund, when refunded
 */
record CaptureRow(String idempotencyKey, String chargeId, String customerId, long amount, String currency,
                  String status, String refundId) {

    static final String CAPTURED = "captured";
    static final String REFUNDED = "refunded";

    private static final String KEY_PREFIX = "charge-";

    static String keyOf(UUID orderId) {
        return KEY_PREFIX + orderId;
    }

    /** The order the key names; empty for a key payment-service would never use. */
    Optional<UUID> orderId() {
        if (idempotencyKey == null || !idempotencyKey.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        try {
            UUID orderId = UUID.fromString(idempotencyKey.substring(KEY_PREFIX.length()));
            // UUID.fromString accepts unpadded groups: only the canonical form is an order's key.
            return keyOf(orderId).equals(idempotencyKey) ? Optional.of(orderId) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    boolean isRefunded() {
        return REFUNDED.equals(status);
    }

    String money() {
        return Money.format(amount, currency);
    }
}
