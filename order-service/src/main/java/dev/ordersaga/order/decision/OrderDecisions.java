package dev.ordersaga.order.decision;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.order.orders.Order;
import dev.ordersaga.order.orders.OrderRepository;
import dev.ordersaga.order.orders.OrderStatus;
import dev.ordersaga.order.orders.Transition;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderCancelled;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.RejectOrder;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the orchestrator's verdict. The event goes out only when the state actually changed, so a
 * repeated command (new message id, same intent) has no effect, and a command that contradicts a final
 * state is logged and ignored rather than retried forever. While the producer's cancel is being compensated
 * (CANCELLING) an ApproveOrder is ignored, and the saga's closing RejectOrder completes the cancellation.
 */
@Service
public class OrderDecisions {

    private static final Logger log = LoggerFactory.getLogger(OrderDecisions.class);

    private final OrderRepository orders;
    private final Outbox outbox;

    OrderDecisions(OrderRepository orders, Outbox outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    @Transactional
    public void approve(ApproveOrder command) {
        Order order = load("ApproveOrder", command.orderId());
        Transition transition = order.approve();
        if (transition == Transition.APPLIED) {
            outbox.send(new OrderApproved(order.getId(), Money.of(order.getTotal().amount(), order.getCurrency())));
        }
        logOutcome("ApproveOrder", order, transition);
    }

    @Transactional
    public void reject(RejectOrder command) {
        Order order = load("RejectOrder", command.orderId());
        Transition transition = order.reject(command.reason());
        if (transition == Transition.APPLIED) {
            outbox.send(order.getStatus() == OrderStatus.CANCELLED
                    ? new OrderCancelled(order.getId(), order.getCancellationReason())
                    : new OrderRejected(order.getId(), order.getRejectionReason()));
        }
        logOutcome("RejectOrder", order, transition);
    }

    private Order load(String command, UUID orderId) {
        Objects.requireNonNull(orderId, () -> command + " without orderId");
        return orders.findById(orderId).orElseThrow(() -> new UnknownOrderException(command, orderId));
    }

    private static void logOutcome(String command, Order order, Transition transition) {
        switch (transition) {
            case APPLIED -> log.info("{}: order {} is now {}", command, order.getId(), order.getStatus());
            case ALREADY_IN_STATE -> log.info("{}: order {} is already {}; nothing to do",
                    command, order.getId(), order.getStatus());
            case NOT_ALLOWED -> log.warn("{}: order {} is {}, which is final; command ignored",
                    command, order.getId(), order.getStatus());
            case SUPERSEDED -> log.info("{} for {} ignored: {}", command, order.getId(), order.getStatus());
        }
    }
}
