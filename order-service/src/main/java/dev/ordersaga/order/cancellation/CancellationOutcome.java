package dev.ordersaga.order.cancellation;

import dev.ordersaga.order.orders.Order;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.util.List;
import java.util.UUID;

/** What became of a CancelOrder request. */
public sealed interface CancellationOutcome {

    /**
     * The PENDING order is now CANCELLING and OrderCancellationRequested was sent.
     *
     * @param order as committed, loaded with its lines
     */
    record Requested(Order order) implements CancellationOutcome {
    }

    /**
     * The order was CANCELLING or CANCELLED already: a repeated cancel, nothing changed or was sent.
     *
     * @param order as stored, loaded with its lines
     */
    record AlreadyRequested(Order order) implements CancellationOutcome {
    }

    /** The order is APPROVED or REJECTED and cannot be cancelled; {@code reason} says so. */
    record Refused(UUID orderId, String reason) implements CancellationOutcome {
    }

    /** No order has that id. */
    record UnknownOrder(UUID orderId) implements CancellationOutcome {
    }

    /** The request broke a rule; nothing was looked up. */
    record Invalid(UUID orderId, List<Violation> violations) implements CancellationOutcome {
    }
}
