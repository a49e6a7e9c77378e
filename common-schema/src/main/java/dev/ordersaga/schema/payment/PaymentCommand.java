package dev.ordersaga.schema.payment;

import dev.ordersaga.schema.Message;

/** The orchestrator's commands to payment-service, on {@link dev.ordersaga.schema.Topics#PAYMENT_COMMANDS}. */
public sealed interface PaymentCommand extends Message permits ChargePayment, RefundPayment {
}
