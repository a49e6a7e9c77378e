package dev.ordersaga.schema.inventory;

import java.util.UUID;

public record ReservationConfirmed(UUID orderId) implements InventoryReply {
}
