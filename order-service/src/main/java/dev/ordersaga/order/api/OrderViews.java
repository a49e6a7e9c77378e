package dev.ordersaga.order.api;

import dev.ordersaga.order.orders.Order;
import dev.ordersaga.order.orders.OrderLine;
import dev.ordersaga.order.orders.OrderStatus;
import dev.ordersaga.schema.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;

/**
 * The JSON shapes of the order API; built from what the transaction loaded (an order with its lines comes from
 * a fetch join), never from lazy state afterwards.
 */
final class OrderViews {

    private OrderViews() {
    }

    /** Answer to POST /orders: the order id and where the order stands now. */
    record Placement(UUID orderId, OrderStatus status) {
    }

    record Line(String sku, int quantity, Money unitPrice) {
    }

    record Details(UUID orderId, String customerId, OrderStatus status, String currency, Money total,
                   List<Line> lines, String rejectionReason, String cancellationReason,
                   Instant cancellationRequestedAt, Instant createdAt, Instant updatedAt) {

        /** From an order loaded with its lines (a fetch join), in or after its transaction. */
        static Details of(Order order) {
            String currency = order.getCurrency();
            return new Details(order.getId(), order.getCustomerId(), order.getStatus(), currency, totalOf(order),
                    order.getLines().stream().map(line -> line(line, currency)).toList(),
                    order.getRejectionReason(), order.getCancellationReason(), order.getCancellationRequestedAt(),
                    order.getCreatedAt(), order.getUpdatedAt());
        }

        private static Line line(OrderLine line, String currency) {
            return new Line(line.getSku(), line.getQuantity(), Money.of(line.getUnitPrice(), currency));
        }
    }

    /** An order in a search result: no lines, so a page never touches order_lines. */
    record Summary(UUID orderId, String customerId, OrderStatus status, Money total, String rejectionReason,
                   String cancellationReason, Instant createdAt, Instant updatedAt) {

        static Summary of(Order order) {
            return new Summary(order.getId(), order.getCustomerId(), order.getStatus(), totalOf(order),
                    order.getRejectionReason(), order.getCancellationReason(), order.getCreatedAt(),
                    order.getUpdatedAt());
        }
    }

    record PageInfo(int number, int size, long totalElements, int totalPages) {
    }

    record SummaryPage(List<Summary> content, PageInfo page) {

        static SummaryPage of(Page<Order> orders) {
            return new SummaryPage(orders.map(Summary::of).getContent(), new PageInfo(
                    orders.getNumber(), orders.getSize(), orders.getTotalElements(), orders.getTotalPages()));
        }
    }

    private static Money totalOf(Order order) {
        return Money.of(order.getTotal().amount(), order.getCurrency());
    }
}
