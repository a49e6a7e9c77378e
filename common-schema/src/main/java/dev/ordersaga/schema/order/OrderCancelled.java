package dev.ordersaga.schema.order;

import java.util.UUID;

/** Final: the producer cancelled the order and the saga compensated what had happened. */
public record OrderCancelled(UUID orderId, String reason) implements OrderEvent {
}
