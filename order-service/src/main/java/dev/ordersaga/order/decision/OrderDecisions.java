package dev.ordersaga.order.decision;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.order.orders.Amount;
import dev.ordersaga.order.orders.Order;
import dev.ordersaga.order.orders.OrderRepository;
import dev.ordersaga.order.orders.OrderRows;
import dev.ordersaga.order.orders.OrderStatus;
import dev.ordersaga.order.orders.Transition;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderCancelled;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.RejectOrder;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
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

    private final OrderRows orderRows;
    private final OrderRepository orders;
    private final EntityManager entityManager;
    private final Outbox outbox;

    OrderDecisions(OrderRows orderRows, OrderRepository orders, EntityManager entityManager, Outbox outbox) {
        this.orderRows = orderRows;
        this.orders = orders;
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    /**
     * Once per saga, so plain SQL (ADR 0014): one conditional update moves a PENDING order and returns its total;
     * only when it moved nothing is the status read, to tell a repeat from a refusal.
     */
    @Transactional
    public void approve(ApproveOrder command) {
        UUID orderId = requireOrderId("ApproveOrder", command.orderId());
        Optional<Amount> approved = orderRows.approveIfPending(orderId);
        if (approved.isPresent()) {
            outbox.send(new OrderApproved(orderId, Money.of(approved.get().amount(), approved.get().currency())));
            log.debug("ApproveOrder: order {} is now {}", orderId, OrderStatus.APPROVED);
            return;
        }
        OrderStatus status = orderRows.statusOf(orderId)
                .orElseThrow(() -> new UnknownOrderException("ApproveOrder", orderId));
        Transition transition = status.approval();
        if (transition == Transition.APPLIED) {
            // Not PENDING when the update ran, PENDING now: the order was committed in between. Retried, it applies.
            throw new ConcurrencyFailureException("Order " + orderId + " was stored while it was being approved");
        }
        logOutcome("ApproveOrder", orderId, status, transition);
    }

    @Transactional
    public void reject(RejectOrder command) {
        UUID orderId = requireOrderId("RejectOrder", command.orderId());
        Order order = orders.findById(orderId).orElseThrow(() -> new UnknownOrderException("RejectOrder", orderId));
        Transition transition = order.reject(command.reason());
        if (transition == Transition.APPLIED) {
            outbox.send(order.getStatus() == OrderStatus.CANCELLED
                    ? new OrderCancelled(order.getId(), order.getCancellationReason())
                    : new OrderRejected(order.getId(), order.getRejectionReason()));
        }
        logOutcome("RejectOrder", orderId, order.getStatus(), transition);
        // The next handler of this transaction may change the row in SQL: it must see this change, and no later
        // JPA read may be served this copy. Flushed through the repository, so a version conflict surfaces as
        // Spring's transient exception.
        orders.flush();
        entityManager.clear();
    }

    private static UUID requireOrderId(String command, UUID orderId) {
        return Objects.requireNonNull(orderId, () -> command + " without orderId");
    }

    private static void logOutcome(String command, UUID orderId, OrderStatus status, Transition transition) {
        switch (transition) {
            case APPLIED -> log.info("{}: order {} is now {}", command, orderId, status);
            case ALREADY_IN_STATE -> log.info("{}: order {} is already {}; nothing to do", command, orderId, status);
            case NOT_ALLOWED -> log.warn("{}: order {} is {}, which is final; command ignored",
                    command, orderId, status);
            case SUPERSEDED -> log.info("{} for {} ignored: {}", command, orderId, status);
        }
    }
}
