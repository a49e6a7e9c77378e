package dev.ordersaga.schema.order;

import java.util.List;
import java.util.UUID;

/**
 * A well-formed request that was invalid. Nothing was stored.
 *
 * @param orderId     the request's order id, null when the request had none
 * @param requestType the rejected request's message type, e.g. {@code PlaceOrder}
 * @param violations  every reason, one per offending field
 */
public record OrderRequestRejected(UUID orderId, String requestType, List<Violation> violations)
        implements OrderEvent {

    /** @param field a JSON path into the request, e.g. {@code lines[0].quantity} */
    public record Violation(String field, String message) {
    }
}
