package dev.ordersaga.schema.payment;

import dev.ordersaga.schema.Money;
import java.util.UUID;

public record PaymentCharged(UUID orderId, UUID paymentId, Money amount) implements PaymentReply {
}
