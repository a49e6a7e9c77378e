package dev.ordersaga.schema.order;

import java.util.UUID;

/**
 * The producer asked to cancel a pending order and order-service accepted: the order is CANCELLING, it
 * can no longer be approved, and the saga compensates what has happened so far. {@link OrderCancelled}
 * follows once it has.
 */
public record OrderCancellationRequested(UUID orderId, String reason) implements OrderEvent {
}
