package dev.ordersaga.order.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/**
 * A search over orders; every criterion is optional and they combine with AND. The time range is
 * half-open: {@code createdFrom <= createdAt < createdTo}, so adjacent ranges never count an order twice.
 */
public record OrderCriteria(OrderStatus status, String customerId, Instant createdFrom, Instant createdTo) {

    public Specification<Order> toSpecification() {
        List<Specification<Order>> parts = new ArrayList<>();
        if (status != null) {
            parts.add(OrderSpecifications.hasStatus(status));
        }
        if (customerId != null && !customerId.isBlank()) {
            parts.add(OrderSpecifications.ofCustomer(customerId));
        }
        if (createdFrom != null) {
            parts.add(OrderSpecifications.createdAtOrAfter(createdFrom));
        }
        if (createdTo != null) {
            parts.add(OrderSpecifications.createdBefore(createdTo));
        }
        return Specification.allOf(parts);
    }
}
