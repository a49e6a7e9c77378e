package dev.ordersaga.schema.payment;

import dev.ordersaga.schema.Money;
import java.util.UUID;

public record PaymentRefunded(UUID orderId, Money amount) implements PaymentReply {
}
