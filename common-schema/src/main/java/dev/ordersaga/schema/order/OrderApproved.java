package dev.ordersaga.schema.order;

import dev.ordersaga.schema.Money;
import java.util.UUID;

/** Final: stock is reserved and the payment is captured. */
public record OrderApproved(UUID orderId, Money total) implements OrderEvent {
}
