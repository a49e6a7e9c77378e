package dev.ordersaga.schema.inventory;

import dev.ordersaga.schema.StockLine;
import java.util.List;
import java.util.UUID;

/** Reserve every line, or none of them. */
public record ReserveInventory(UUID orderId, List<StockLine> lines) implements InventoryCommand {
}
