package dev.ordersaga.schema.inventory;

import java.util.UUID;

public record InventoryReleased(UUID orderId) implements InventoryReply {
}
