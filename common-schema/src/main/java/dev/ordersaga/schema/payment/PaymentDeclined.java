package dev.ordersaga.schema.payment;

import java.util.UUID;

/** Nothing was charged; {@code reason} says why, e.g. insufficient funds or unknown account. */
public record PaymentDeclined(UUID orderId, String reason) implements PaymentReply {
}
