package dev.ordersaga.order.api;

/** Body of POST /orders/{orderId}/cancel, which is optional altogether. */
record CancelRequest(String reason) {
}
