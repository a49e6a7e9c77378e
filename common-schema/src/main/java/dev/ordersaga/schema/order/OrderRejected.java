package dev.ordersaga.schema.order;

import java.util.UUID;

/** Final: the saga compensated; {@code reason} says why. */
public record OrderRejected(UUID orderId, String reason) implements OrderEvent {
}
