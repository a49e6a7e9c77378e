package dev.ordersaga.order.api;

import dev.ordersaga.order.orders.OrderCriteria;
import dev.ordersaga.order.orders.OrderRepository;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads for the API, each in one read-only transaction. */
@Service
@Transactional(readOnly = true)
class OrderQueries {

    private final OrderRepository orders;

    OrderQueries(OrderRepository orders) {
        this.orders = orders;
    }

    OrderViews.Details details(UUID orderId) {
        return orders.findWithLinesById(orderId)
                .map(OrderViews.Details::of)
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    OrderViews.SummaryPage search(OrderCriteria criteria, Pageable page) {
        return OrderViews.SummaryPage.of(orders.findAll(criteria.toSpecification(), page));
    }
}
