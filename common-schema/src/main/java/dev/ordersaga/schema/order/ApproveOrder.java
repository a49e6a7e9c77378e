package dev.ordersaga.schema.order;

import java.util.UUID;

public record ApproveOrder(UUID orderId) implements OrderCommand {
}
