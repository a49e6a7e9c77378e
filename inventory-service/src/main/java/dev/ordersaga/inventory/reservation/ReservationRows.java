package dev.ordersaga.inventory.reservation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reservation rows of the hot handlers (reserve, confirm) in plain SQL: each state change is one conditional
 * statement whose row count or result says whether it applied (ADR 0014). The same rows are JPA's
 * {@link Reservation} on the cold paths; every write here bumps {@code version}, so a JPA write that read the row
 * before fails its optimistic check and is retried, as it would against another JPA write.
 */
@Component
class ReservationRows {

    // ON CONFLICT DO NOTHING: a reservation of the same order by a concurrent transaction makes this insert wait for
    // that one to end; it then inserts (the other gave its claim up on a shortage) or finds the order reserved.
    private static final String CLAIM = """
            INSERT INTO reservations (order_id, status, version, created_at, updated_at)
            VALUES (:orderId, 'RESERVED', 0, :now, :now)
            ON CONFLICT (order_id) DO NOTHING""";
    private static final String INSERT_LINE =
            "INSERT INTO reservation_lines (order_id, sku, quantity) VALUES (?, ?, ?)";
    // The lines come back only if the reservation was RESERVED, and a RESERVED reservation always has lines: an
    // empty result means the transition did not apply. In SKU order, the order every stock write follows.
    private static final String CONFIRM = """
            WITH confirmed AS (
                UPDATE reservations SET status = 'CONFIRMED', version = version + 1, updated_at = :now
                 WHERE order_id = :orderId AND status = 'RESERVED'
                RETURNING order_id)
            SELECT l.sku, l.quantity FROM reservation_lines l JOIN confirmed c ON c.order_id = l.order_id
             ORDER BY l.sku""";

    private final JdbcClient sql;
    private final JdbcTemplate batches;

    ReservationRows(JdbcClient sql, JdbcTemplate batches) {
        this.sql = sql;
        this.batches = batches;
    }

    /** @return false when the order already has a reservation, of any status (a tombstone included) */
    boolean claim(UUID orderId) {
        return sql.sql(CLAIM).param("orderId", orderId).param("now", now()).update() == 1;
    }

    /** Takes back this transaction's claim of an order that could not be reserved: nothing is stored for it. */
    void giveUpClaim(UUID orderId) {
        sql.sql("DELETE FROM reservations WHERE order_id = :orderId AND status = 'RESERVED'")
                .param("orderId", orderId).update();
    }

    void insertLines(UUID orderId, List<ReservationLine> lines) {
        batches.batchUpdate(INSERT_LINE,
                lines.stream().map(line -> new Object[] {orderId, line.sku(), line.quantity()}).toList());
    }

    /** RESERVED -> CONFIRMED. @return the lines to sell, in SKU order; none when the reservation was not RESERVED */
    List<ReservationLine> confirmIfReserved(UUID orderId) {
        return sql.sql(CONFIRM).param("orderId", orderId).param("now", now())
                .query((row, i) -> new ReservationLine(row.getString("sku"), row.getInt("quantity")))
                .list();
    }

    Optional<ReservationStatus> statusOf(UUID orderId) {
        return sql.sql("SELECT status FROM reservations WHERE order_id = :orderId")
                .param("orderId", orderId)
                .query((row, i) -> ReservationStatus.valueOf(row.getString("status")))
                .optional();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
