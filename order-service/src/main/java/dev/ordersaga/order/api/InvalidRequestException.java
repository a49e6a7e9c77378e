package dev.ordersaga.order.api;

import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.util.List;

/** Bad input, answered with 400 and every violation. */
class InvalidRequestException extends RuntimeException {

    private final transient List<Violation> violations;

    InvalidRequestException(List<Violation> violations) {
        super("Invalid request: " + violations);
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
