package dev.ordersaga.order.cancellation;

import dev.ordersaga.order.orders.Order;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.util.ArrayList;
import java.util.List;

/** The rules a CancelOrder must meet before its order is even looked up. Pure: no Spring, no I/O. */
final class CancelOrderValidator {

    List<Violation> validate(CancelOrder request) {
        List<Violation> violations = new ArrayList<>();
        if (request.orderId() == null) {
            violations.add(new Violation("orderId", "is required"));
        }
        if (request.reason() != null && request.reason().length() > Order.MAX_CANCELLATION_REASON_LENGTH) {
            violations.add(new Violation("reason",
                    "must be at most " + Order.MAX_CANCELLATION_REASON_LENGTH + " characters"));
        }
        return List.copyOf(violations);
    }
}
