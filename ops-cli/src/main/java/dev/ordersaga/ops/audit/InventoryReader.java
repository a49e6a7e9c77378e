package dev.ordersaga.ops.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The inventory database, as the audit reads it. */
interface InventoryReader {

    /**
     * Reservations with their lines, by order id in {@link OrderIds#POSTGRES_ORDER}, at most {@code limit}.
     *
     * @param since only those created at or after it; all when null
     * @param after only order ids after it; from the first when null
     * @param upTo  only order ids up to it, inclusive; to the last when null
     */
    List<ReservationRow> reservations(Instant since, UUID after, UUID upTo, int limit);

    /** Products by SKU after {@code after} (from the first when null), at most {@code limit}. */
    List<ProductRow> products(String after, int limit);
}
