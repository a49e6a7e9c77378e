package dev.ordersaga.schema;

import java.util.List;

/** Every Kafka topic of the system, in one place. */
public final class Topics {

    /** Public intake: producers publish PlaceOrder and CancelOrder here. */
    public static final String ORDER_REQUESTS = "order.requests";
    /** Public outcomes: OrderPlaced, OrderApproved, OrderRejected, OrderCancelled, OrderRequestRejected. */
    public static final String ORDER_EVENTS = "order.events";
    /** Internal: the orchestrator's commands to order-service. */
    public static final String ORDER_COMMANDS = "order.commands";
    /** Internal: the orchestrator's commands to inventory-service. */
    public static final String INVENTORY_COMMANDS = "inventory.commands";
    /** Internal: the orchestrator's commands to payment-service. */
    public static final String PAYMENT_COMMANDS = "payment.commands";
    /** Internal: the participants' replies to the orchestrator. */
    public static final String SAGA_REPLIES = "saga.replies";

    public static final List<String> ALL = List.of(
            ORDER_REQUESTS, ORDER_EVENTS, ORDER_COMMANDS, INVENTORY_COMMANDS, PAYMENT_COMMANDS, SAGA_REPLIES);

    /** Suffix of a dead-letter topic; it is Spring Kafka's default, so its recoverer needs no resolver. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
