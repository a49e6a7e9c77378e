package dev.ordersaga.order.orders;

/** Where an order is in its saga. APPROVED and REJECTED are final. Stored by name; SQL CHECKs the names. */
public enum OrderStatus {
    PENDING,
    APPROVED,
    REJECTED
}
