package dev.ordersaga.ops.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The orders database, as the audit reads it. */
interface OrderReader {

    /**
     * Orders with their lines, by id in {@link OrderIds#POSTGRES_ORDER}, at most {@code limit}.
     *
     * @param since only orders created at or after it; all when null
     * @param after only ids after it; from the first when null
     */
    List<OrderRow> orders(Instant since, UUID after, int limit);

    /** Which of {@code ids} are orders, of any age and status. */
    Set<UUID> existing(Collection<UUID> ids);

    /** Those of {@code ids} that are orders, with their lines, by id, of any age and status. */
    Map<UUID, OrderRow> ordersOf(Collection<UUID> ids);
}
