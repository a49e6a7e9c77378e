package dev.ordersaga.order.messaging;

import dev.ordersaga.messaging.consumer.UnreadableMessage;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.schema.json.BindingViolation;
import dev.ordersaga.schema.order.OrderRequestRejected;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a producer's request that is JSON but does not fit its type (a decimal price, a quoted quantity, an
 * order id that is not a UUID) like any invalid request: OrderRequestRejected naming the JSON path. The order
 * id is null when it was not a UUID; the outbox then keys the answer by the request's own record key.
 */
@Component
class UnreadableRequests {

    private final Outbox outbox;

    UnreadableRequests(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Runs in the messaging library's inbox transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reject(UnreadableMessage request) {
        List<OrderRequestRejected.Violation> violations =
                request.violations().stream().map(UnreadableRequests::violation).toList();
        outbox.send(new OrderRequestRejected(request.orderId(), request.type().typeName(), violations));
    }

    private static OrderRequestRejected.Violation violation(BindingViolation violation) {
        return new OrderRequestRejected.Violation(violation.field(), violation.message());
    }
}
