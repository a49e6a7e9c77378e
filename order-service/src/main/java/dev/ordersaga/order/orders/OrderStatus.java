package dev.ordersaga.order.orders;

/**
 * Where an order is in its saga. APPROVED, REJECTED and CANCELLED are final; CANCELLING means the producer
 * cancelled and the saga is compensating. Stored by name; SQL CHECKs the names.
 */
public enum OrderStatus {
    PENDING,
    APPROVED,
    REJECTED,
    CANCELLING,
    CANCELLED
}
