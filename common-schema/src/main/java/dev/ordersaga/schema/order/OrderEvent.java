package dev.ordersaga.schema.order;

import dev.ordersaga.schema.Message;

/** The public outcomes order-service publishes on {@link dev.ordersaga.schema.Topics#ORDER_EVENTS}. */
public sealed interface OrderEvent extends Message
        permits OrderPlaced, OrderApproved, OrderRejected, OrderCancellationRequested, OrderCancelled,
        OrderRequestRejected {
}
