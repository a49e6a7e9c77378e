package dev.ordersaga.schema.inventory;

import dev.ordersaga.schema.Message;

/** The orchestrator's commands to inventory-service, on {@link dev.ordersaga.schema.Topics#INVENTORY_COMMANDS}. */
public sealed interface InventoryCommand extends Message
        permits ReserveInventory, ReleaseInventory, ConfirmReservation {
}
