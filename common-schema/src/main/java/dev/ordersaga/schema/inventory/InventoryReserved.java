package dev.ordersaga.schema.inventory;

import java.util.UUID;

public record InventoryReserved(UUID orderId) implements InventoryReply {
}
