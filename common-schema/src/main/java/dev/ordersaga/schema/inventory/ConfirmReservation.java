package dev.ordersaga.schema.inventory;

import java.util.UUID;

/** The order is approved: the reserved stock is sold. */
public record ConfirmReservation(UUID orderId) implements InventoryCommand {
}
