package dev.ordersaga.inventory.reservation;

import dev.ordersaga.schema.inventory.InventoryUnavailable.Shortage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The products' stock buckets as the hot handlers move them: one conditional UPDATE per line, sent as one JDBC
 * batch in SKU order, its row count saying whether the line could be moved (ADR 0014). PostgreSQL re-checks the
 * condition on the newest row version after waiting for a concurrent writer, so two orders can never take the
 * same unit, and the CHECK (available >= 0) stays a backstop, never the guard. Every write bumps
 * {@code version}, which keeps JPA's optimistic check of {@code Product} working for the cold paths.
 */
@Component
class StockCounters {

    // A shortage seen by the batch but gone by the time it is read (a release committed in between) is tried again;
    // a few rounds always outlast such a race, and past them the command fails transiently and is retried whole.
    private static final int ATTEMPTS = 3;

    private static final String TAKE = """
            UPDATE products SET available = available - ?, reserved = reserved + ?, version = version + 1,
                                updated_at = ?
             WHERE sku = ? AND available >= ?""";
    private static final String GIVE_BACK = """
            UPDATE products SET available = available + ?, reserved = reserved - ?, version = version + 1,
                                updated_at = ?
             WHERE sku = ?""";
    private static final String SELL = """
            UPDATE products SET reserved = reserved - ?, sold = sold + ?, version = version + 1, updated_at = ?
             WHERE sku = ? AND reserved >= ?""";

    private final JdbcClient sql;
    private final JdbcTemplate batches;

    StockCounters(JdbcClient sql, JdbcTemplate batches) {
        this.sql = sql;
        this.batches = batches;
    }

    /**
     * available -> reserved for every line, or for none.
     *
     * @return every line the stock cannot cover, with what was available; empty when all were reserved
     */
    List<Shortage> reserve(OrderLines order) {
        List<ReservationLine> lines = order.toReservationLines();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int[] taken = batches.batchUpdate(TAKE, arguments(lines, line -> new Object[] {
                    line.quantity(), line.quantity(), now(), line.sku(), line.quantity()}));
            List<ReservationLine> takenLines = linesWithCount(lines, taken, 1);
            if (takenLines.size() == lines.size()) {
                return List.of();
            }
            // All or nothing: put back what this order took, still under the row locks the batch holds, so the
            // shortage is read from the stock as the other orders left it.
            batches.batchUpdate(GIVE_BACK, arguments(takenLines, line -> new Object[] {
                    line.quantity(), line.quantity(), now(), line.sku()}));
            List<Shortage> shortages = order.shortagesIn(availableOf(order.skus()));
            if (!shortages.isEmpty()) {
                return shortages;
            }
        }
        throw new ConcurrencyFailureException("The stock of " + order.skus() + " kept changing while reserving");
    }

    /**
     * reserved -> sold for every line.
     *
     * @throws IllegalStateException when a product has fewer units reserved than a line: the counters and the
     *                               reservation disagree, and nothing is better than going negative
     */
    void sell(List<ReservationLine> lines) {
        int[] sold = batches.batchUpdate(SELL, arguments(lines, line -> new Object[] {
                line.quantity(), line.quantity(), now(), line.sku(), line.quantity()}));
        List<ReservationLine> unsold = linesWithCount(lines, sold, 0);
        if (!unsold.isEmpty()) {
            throw new IllegalStateException("Cannot sell " + unsold + ": fewer units reserved than the reservation holds");
        }
    }

    /** Units available by SKU; an unknown SKU is absent. */
    private Map<String, Integer> availableOf(Collection<String> skus) {
        return sql.sql("SELECT sku, available FROM products WHERE sku IN (:skus)")
                .param("skus", skus)
                .query((row, i) -> Map.entry(row.getString("sku"), row.getInt("available")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<Object[]> arguments(List<ReservationLine> lines,
                                            Function<ReservationLine, Object[]> row) {
        return lines.stream().map(row).toList();
    }

    /** The row count decides, so a driver that does not report it (a rewritten batch) must not pass unnoticed. */
    private static List<ReservationLine> linesWithCount(List<ReservationLine> lines, int[] counts, int count) {
        List<ReservationLine> matching = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (counts[i] < 0) {
                throw new IllegalStateException("No row count for the update of " + lines.get(i).sku());
            }
            if (counts[i] == count) {
                matching.add(lines.get(i));
            }
        }
        return matching;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
