package dev.ordersaga.schema.payment;

import java.util.UUID;

/** Compensation: refund the order's charge. A no-op when nothing was charged. */
public record RefundPayment(UUID orderId) implements PaymentCommand {
}
