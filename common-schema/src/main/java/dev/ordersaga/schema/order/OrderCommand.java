package dev.ordersaga.schema.order;

import dev.ordersaga.schema.Message;

/** The orchestrator's commands to order-service, on {@link dev.ordersaga.schema.Topics#ORDER_COMMANDS}. */
public sealed interface OrderCommand extends Message permits ApproveOrder, RejectOrder {
}
