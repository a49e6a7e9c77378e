package dev.ordersaga.schema.inventory;

import java.util.UUID;

/** Compensation: give a reservation's stock back. A no-op when nothing is reserved. */
public record ReleaseInventory(UUID orderId) implements InventoryCommand {
}
