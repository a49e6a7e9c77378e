package dev.ordersaga.order.intake;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.order.orders.NewLine;
import dev.ordersaga.order.orders.Order;
import dev.ordersaga.order.orders.OrderRepository;
import dev.ordersaga.order.orders.OrderRows;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.order.OrderRequestRejected;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import jakarta.persistence.EntityManager;
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

    private final OrderRows orderRows;
    private final OrderRepository orders;
    private final EntityManager entityManager;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final PlaceOrderValidator validator = new PlaceOrderValidator();

    OrderIntake(OrderRows orderRows, OrderRepository orders, EntityManager entityManager, Outbox outbox,
                PlatformTransactionManager transactionManager) {
        this.orderRows = orderRows;
        this.orders = orders;
        this.entityManager = entityManager;
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
     * REST: one transaction. If a concurrent request with the same order id is storing it, the insert waits for
     * that one and answers as a duplicate.
     */
    public IntakeOutcome submit(PlaceOrder request) {
        return transactions.execute(status -> place(request));
    }

    /**
     * A known order id is a no-op whatever the request holds; the insert finds it out for a valid request, a
     * lookup for an invalid one (rare), so a new order costs no read.
     */
    private IntakeOutcome place(PlaceOrder request) {
        List<Violation> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            Optional<IntakeOutcome> known = request.orderId() == null ? Optional.empty()
                    : orders.findWithLinesById(request.orderId()).map(existing -> duplicate(existing, request));
            if (known.isPresent()) {
                return known.get();
            }
            log.info("Rejected PlaceOrder {}: {}", request.orderId(), violations);
            return new IntakeOutcome.Rejected(request.orderId(), violations);
        }
        Order order = Order.place(request.orderId(), request.customerId(), request.currency(), newLines(request));
        if (!orderRows.insertIfNew(order)) {
            // The insert saw the order committed (or stored earlier in this transaction), so the read finds it.
            Order existing = orders.findWithLinesById(order.getId()).orElseThrow(() -> new IllegalStateException(
                    "Order " + order.getId() + " conflicted on insert but cannot be read"));
            return duplicate(existing, request);
        }
        outbox.send(orderPlaced(order));
        log.debug("Placed order {} for customer {}: {} {}", order.getId(), order.getCustomerId(),
                order.getTotal().amount(), order.getCurrency());
        return new IntakeOutcome.Placed(order.getId(), order.getStatus());
    }

    private IntakeOutcome duplicate(Order existing, PlaceOrder request) {
        // Read-only, and SQL may change the row later in this transaction: no copy stays for a later handler.
        entityManager.clear();
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
