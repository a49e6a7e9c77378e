package dev.ordersaga.schema.inventory;

import java.util.List;
import java.util.UUID;

/** Nothing was reserved because these lines were short. */
public record InventoryUnavailable(UUID orderId, List<Shortage> shortages) implements InventoryReply {

    /** @param available what was available when the order asked, zero for an unknown SKU */
    public record Shortage(String sku, int requested, int available) {
    }
}
