package dev.ordersaga.schema.intake;

import java.util.UUID;

/** A producer's request to cancel an order that is not yet approved. */
public record CancelOrder(UUID orderId, String reason) implements OrderRequest {
}
