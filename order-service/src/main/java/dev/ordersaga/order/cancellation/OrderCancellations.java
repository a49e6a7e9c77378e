package dev.ordersaga.order.cancellation;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.order.orders.Order;
import dev.ordersaga.order.orders.OrderRepository;
import dev.ordersaga.order.orders.OrderStatus;
import dev.ordersaga.order.orders.Transition;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.order.OrderCancellationRequested;
import dev.ordersaga.schema.order.OrderRequestRejected;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in a producer's CancelOrder, from Kafka or REST alike. Only a PENDING order can be cancelled: it
 * becomes CANCELLING and OrderCancellationRequested goes out in the same transaction. The order's version
 * makes a cancel and a concurrent ApproveOrder or RejectOrder exclusive: whichever commits second fails
 * its optimistic check and is retried against the winner's state.
 */
@Service
public class OrderCancellations {

    private static final Logger log = LoggerFactory.getLogger(OrderCancellations.class);
    private static final String REQUEST_TYPE = "CancelOrder";
    // Each order changes state at most three times, so a few attempts always outlast the writers it races.
    private static final int REST_ATTEMPTS = 3;

    private final OrderRepository orders;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final CancelOrderValidator validator = new CancelOrderValidator();

    OrderCancellations(OrderRepository orders, EntityManager entityManager, Outbox outbox,
                       PlatformTransactionManager transactionManager) {
        this.orders = orders;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Kafka: runs in the messaging library's inbox transaction, which retries an optimistic-lock conflict.
     * A refusal is a business outcome, answered with OrderRequestRejected on order.events.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void accept(CancelOrder request) {
        CancellationOutcome outcome = cancel(request);
        if (outcome instanceof CancellationOutcome.Invalid invalid) {
            reject(invalid.orderId(), invalid.violations());
        } else if (outcome instanceof CancellationOutcome.Refused refused) {
            reject(refused.orderId(), List.of(new Violation("orderId", refused.reason())));
        } else if (outcome instanceof CancellationOutcome.UnknownOrder unknown) {
            reject(unknown.orderId(), List.of(new Violation("orderId", "no order " + unknown.orderId())));
        }
    }

    /** REST: one transaction per attempt; a lost race is retried and answered from the winner's state. */
    public CancellationOutcome submit(UUID orderId, String reason) {
        CancelOrder request = new CancelOrder(orderId, reason);
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> cancel(request));
            } catch (OptimisticLockingFailureException e) {
                if (attempt == REST_ATTEMPTS) {
                    throw e;
                }
                log.info("CancelOrder {} raced another change of the order; trying again", orderId);
            }
        }
    }

    private CancellationOutcome cancel(CancelOrder request) {
        List<Violation> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            log.info("Rejected CancelOrder {}: {}", request.orderId(), violations);
            return new CancellationOutcome.Invalid(request.orderId(), violations);
        }
        Optional<Order> found = orders.findWithLinesById(request.orderId());
        if (found.isEmpty()) {
            log.info("Rejected CancelOrder {}: no such order", request.orderId());
            return new CancellationOutcome.UnknownOrder(request.orderId());
        }
        Order order = found.get();
        CancellationOutcome outcome = switch (order.requestCancellation(request.reason())) {
            case APPLIED -> {
                outbox.send(new OrderCancellationRequested(order.getId(), order.getCancellationReason()));
                log.info("Order {} is now CANCELLING: {}", order.getId(), order.getCancellationReason());
                yield new CancellationOutcome.Requested(order);
            }
            case ALREADY_IN_STATE -> {
                log.info("CancelOrder {} repeats a cancellation; order is {}, nothing to do",
                        order.getId(), order.getStatus());
                yield new CancellationOutcome.AlreadyRequested(order);
            }
            case NOT_ALLOWED, SUPERSEDED -> {
                String reason = refusal(order);
                log.info("Refused CancelOrder {}: {}", order.getId(), reason);
                yield new CancellationOutcome.Refused(order.getId(), reason);
            }
        };
        // The next handler of this transaction may change the row in SQL (an approval): it must see this change,
        // and no later JPA read may be served this copy. Flushed through the repository, so a version conflict
        // surfaces as Spring's transient exception, here rather than at commit.
        orders.flush();
        entityManager.clear();
        return outcome;
    }

    private static String refusal(Order order) {
        if (order.getStatus() == OrderStatus.APPROVED) {
            return "order " + order.getId() + " is APPROVED and can no longer be cancelled";
        }
        return "order " + order.getId() + " is " + order.getStatus() + "; there is nothing to cancel";
    }

    /** Without an order id, the outbox keys the rejection by the request's own record key. */
    private void reject(UUID orderId, List<Violation> violations) {
        outbox.send(new OrderRequestRejected(orderId, REQUEST_TYPE, violations));
    }
}
