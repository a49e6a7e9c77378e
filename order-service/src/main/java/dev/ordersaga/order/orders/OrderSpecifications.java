package dev.ordersaga.order.orders;

import java.time.Instant;
import org.springframework.data.jpa.domain.Specification;

/** Reusable query scopes over orders, each backed by an index declared in V1__orders.sql. */
final class OrderSpecifications {

    private OrderSpecifications() {
    }

    static Specification<Order> hasStatus(OrderStatus status) {
        return (order, query, where) -> where.equal(order.get("status"), status);
    }

    static Specification<Order> ofCustomer(String customerId) {
        return (order, query, where) -> where.equal(order.get("customerId"), customerId);
    }

    static Specification<Order> createdAtOrAfter(Instant from) {
        return (order, query, where) -> where.greaterThanOrEqualTo(order.get("createdAt"), from);
    }

    static Specification<Order> createdBefore(Instant to) {
        return (order, query, where) -> where.lessThan(order.get("createdAt"), to);
    }
}
