package dev.ordersaga.schema.payment;

import dev.ordersaga.schema.Money;
import java.util.UUID;

/** Charge the customer's account; at most once per order. */
public record ChargePayment(UUID orderId, String customerId, Money amount) implements PaymentCommand {
}
