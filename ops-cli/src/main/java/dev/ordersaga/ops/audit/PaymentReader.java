package dev.ordersaga.ops.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The payments database, as the audit reads it. */
interface PaymentReader {

    /**
     * Payments by order id in {@link OrderIds#POSTGRES_ORDER}, at most {@code limit}.
     *
     * @param since only those created at or after it; all when null
     * @param after only order ids after it; from the first when null
     * @param upTo  only order ids up to it, inclusive; to the last when null
     */
    List<PaymentRow> payments(Instant since, UUID after, UUID upTo, int limit);

    /** The payments of those of {@code orderIds} that have one, by order id, whatever their age. */
    Map<UUID, PaymentRow> paymentsOf(Collection<UUID> orderIds);
}
