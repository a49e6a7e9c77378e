package dev.ordersaga.order.intake;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.order.orders.NewLine;
import dev.ordersaga.order.orders.Order;
import dev.ordersaga.order.orders.OrderRepository;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.order.OrderRequestRejected;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import dev.ordersaga.support.persistence.UniqueKeyConflicts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in a producer's PlaceOrder, from Kafka or REST alike: a known order id is a no-op, an invalid
 * request is rejected with every reason, a valid new one is stored PENDING and OrderPlaced is sent in
 * the same transaction.
 */
@Service
public class OrderIntake {

    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);
    private static final String PRIMARY_KEY = "orders_pkey";

    private final OrderRepository orders;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final PlaceOrderValidator validator = new PlaceOrderValidator();

    OrderIntake(OrderRepository orders, Outbox outbox, PlatformTransactionManager transactionManager) {
        this.orders = orders;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Kafka: runs in the messaging library's inbox transaction. A rejection is a business outcome, so
     * it is answered with OrderRequestRejected on order.events rather than dead-lettered.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void accept(PlaceOrder request) {
        if (place(request) instanceof IntakeOutcome.Rejected rejected) {
            sendRejection(rejected);
        }
    }

    /**
     * REST: one transaction per attempt. If a concurrent request with the same order id won the race,
     * the second attempt sees its order and answers as a duplicate.
     */
    public IntakeOutcome submit(PlaceOrder request) {
        try {
            return transactions.execute(status -> place(request));
        } catch (ConcurrentPlacementException e) {
            log.info("Order {} was placed concurrently; answering as a duplicate", request.orderId());
            return transactions.execute(status -> place(request));
        }
    }

    private IntakeOutcome place(PlaceOrder request) {
        if (request.orderId() != null) {
            Optional<Order> existing = orders.findWithLinesById(request.orderId());
            if (existing.isPresent()) {
                return duplicate(existing.get(), request);
            }
        }
        List<Violation> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            log.info("Rejected PlaceOrder {}: {}", request.orderId(), violations);
            return new IntakeOutcome.Rejected(request.orderId(), violations);
        }
        Order order = Order.place(request.orderId(), request.customerId(), request.currency(), newLines(request));
        insert(order);
        outbox.send(orderPlaced(order));
        log.info("Placed order {} for customer {}: {} {}", order.getId(), order.getCustomerId(),
                order.getTotal().amount(), order.getCurrency());
        return new IntakeOutcome.Placed(order.getId(), order.getStatus());
    }

    private static IntakeOutcome duplicate(Order existing, PlaceOrder request) {
        if (!sameContent(existing, request)) {
            log.warn("PlaceOrder {} repeats a known order id with different content; the stored order is kept",
                    existing.getId());
        } else {
            log.info("PlaceOrder {} repeats a known order; nothing to do", existing.getId());
        }
        return new IntakeOutcome.AlreadyPlaced(existing.getId(), existing.getStatus());
    }

    private static boolean sameContent(Order order, PlaceOrder request) {
        List<PlaceOrder.Line> storedLines = order.getLines().stream()
                .map(line -> new PlaceOrder.Line(line.getSku(), line.getQuantity(), line.getUnitPrice()))
                .toList();
        return Objects.equals(order.getCustomerId(), request.customerId())
                && Objects.equals(order.getCurrency(), request.currency())
                && Objects.equals(storedLines, request.lines());
    }

    /** Flushes at once, so that a concurrent insert of the same id surfaces here, as a transient conflict. */
    private void insert(Order order) {
        UniqueKeyConflicts.guard(() -> orders.saveAndFlush(order), PRIMARY_KEY,
                violation -> new ConcurrentPlacementException(order.getId(), violation));
    }

    /** Without an order id, the outbox keys the rejection by the request's own record key. */
    private void sendRejection(IntakeOutcome.Rejected rejected) {
        outbox.send(new OrderRequestRejected(rejected.orderId(), "PlaceOrder", rejected.violations()));
    }

    private static List<NewLine> newLines(PlaceOrder request) {
        return request.lines().stream()
                .map(line -> new NewLine(line.sku(), line.quantity(), line.unitPrice()))
                .toList();
    }

    private static OrderPlaced orderPlaced(Order order) {
        String currency = order.getCurrency();
        List<OrderPlaced.Line> lines = order.getLines().stream()
                .map(line -> new OrderPlaced.Line(line.getSku(), line.getQuantity(),
                        Money.of(line.getUnitPrice(), currency)))
                .toList();
        return new OrderPlaced(order.getId(), order.getCustomerId(), lines,
                Money.of(order.getTotal().amount(), currency));
    }
}
