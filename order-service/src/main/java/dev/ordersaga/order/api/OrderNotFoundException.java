package dev.ordersaga.order.api;

import java.util.UUID;

class OrderNotFoundException extends RuntimeException {

    private final UUID orderId;

    OrderNotFoundException(UUID orderId) {
        super("No order " + orderId);
        this.orderId = orderId;
    }

    UUID orderId() {
        return orderId;
    }
}
