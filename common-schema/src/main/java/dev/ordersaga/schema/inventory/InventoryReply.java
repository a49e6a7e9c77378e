package dev.ordersaga.schema.inventory;

import dev.ordersaga.schema.Message;

/** inventory-service's replies, on {@link dev.ordersaga.schema.Topics#SAGA_REPLIES}. */
public sealed interface InventoryReply extends Message
        permits InventoryReserved, InventoryUnavailable, InventoryReleased, ReservationConfirmed {
}
