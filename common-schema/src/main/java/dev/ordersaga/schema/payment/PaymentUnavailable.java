package dev.ordersaga.schema.payment;

import java.util.UUID;

/**
 * Nothing was charged because the payment provider could not be reached (circuit open, timeouts, 5xx).
 * The failure is transient: the saga tries the step again later, within the step's deadline.
 */
public record PaymentUnavailable(UUID orderId, String reason) implements PaymentReply {
}
