package dev.ordersaga.order.cancellation;

import dev.ordersaga.order.orders.Order;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a CancelOrder must meet before its order is even looked up; the published schema
 * (CancelOrder.v1.json) states the same ones. Pure: no Spring, no I/O. At most two violations, neither
 * echoing the reason.
 */
final class CancelOrderValidator {

    List<Violation> validate(CancelOrder request) {
        List<Violation> violations = new ArrayList<>();
        if (request.orderId() == null) {
            violations.add(new Violation("orderId", "is required"));
        }
        String reason = request.reason() == null ? "" : request.reason();
        if (reason.codePointCount(0, reason.length()) > Order.MAX_CANCELLATION_REASON_LENGTH) {
            violations.add(new Violation("reason",
                    "must be at most " + Order.MAX_CANCELLATION_REASON_LENGTH + " characters"));
        } else if (reason.indexOf('\u0000') >= 0) {
            // PostgreSQL's text refuses it: the order could not store the reason.
            violations.add(new Violation("reason", "must not contain the character U+0000"));
        }
        return List.copyOf(violations);
    }
}
