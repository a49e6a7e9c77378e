package dev.ordersaga.order.intake;

import dev.ordersaga.order.orders.OrderStatus;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.util.List;
import java.util.UUID;

/** What became of a PlaceOrder request. */
public sealed interface IntakeOutcome {

    /** A new order was stored PENDING and OrderPlaced was sent. */
    record Placed(UUID orderId, OrderStatus status) implements IntakeOutcome {
    }

    /** The order id was known already: nothing was stored or sent. */
    record AlreadyPlaced(UUID orderId, OrderStatus status) implements IntakeOutcome {
    }

    /** The request broke business rules: nothing was stored. */
    record Rejected(UUID orderId, List<Violation> violations) implements IntakeOutcome {
    }
}
