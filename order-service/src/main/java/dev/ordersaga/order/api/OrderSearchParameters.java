package dev.ordersaga.order.api;

import dev.ordersaga.order.orders.OrderCriteria;
import dev.ordersaga.order.orders.OrderStatus;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * GET /orders query parameters. Sorting is by creation time only (the indexes serve nothing else),
 * with the id as tie-breaker so that pages stay stable.
 */
record OrderSearchParameters(OrderStatus status, String customerId, Instant createdFrom, Instant createdTo,
                             int page, int size, String sort) {

    static final int MAX_PAGE_SIZE = 100;
    static final String DEFAULT_PAGE_SIZE = "20";
    static final String DEFAULT_SORT = "createdAt,desc";
    private static final String SORT_PROPERTY = "createdAt";

    /** @throws InvalidRequestException listing every bad parameter */
    void validate() {
        List<Violation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new Violation("page", "must be zero or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new Violation("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (direction() == null) {
            violations.add(new Violation("sort", "must be createdAt, createdAt,asc or createdAt,desc"));
        }
        if (createdFrom != null && createdTo != null && !createdFrom.isBefore(createdTo)) {
            violations.add(new Violation("createdTo", "must be after createdFrom"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    OrderCriteria criteria() {
        return new OrderCriteria(status, customerId, createdFrom, createdTo);
    }

    Pageable pageable() {
        Sort.Direction direction = direction();
        return PageRequest.of(page, size, Sort.by(direction, SORT_PROPERTY).and(Sort.by(direction, "id")));
    }

    private Sort.Direction direction() {
        String[] parts = sort.split(",", -1);
        if (!parts[0].trim().equals(SORT_PROPERTY) || parts.length > 2) {
            return null;
        }
        if (parts.length == 1) {
            return Sort.Direction.ASC;
        }
        return switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> Sort.Direction.ASC;
            case "desc" -> Sort.Direction.DESC;
            default -> null;
        };
    }
}
