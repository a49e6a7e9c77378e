package dev.ordersaga.order.orders;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order rows of the hot handlers (PlaceOrder, ApproveOrder) in plain SQL: an insert that tells a known id
 * apart by its row count, and status transitions as conditional updates (ADR 0014). The same rows are JPA's
 * {@link Order} on the cold paths; every update bumps {@code version}, so a JPA write that read the row before
 * (a cancel) fails its optimistic check and is retried against the new state, as against another JPA write.
 */
@Component
public class OrderRows {

    // ON CONFLICT DO NOTHING: an insert racing another transaction's insert of the same id waits for it, then
    // inserts nothing, and the caller answers as for any known order: no unique-key error to retry.
    private static final String INSERT_ORDER = """
            INSERT INTO orders (id, customer_id, status, currency, total_amount, version, created_at, updated_at)
            VALUES (:id, :customerId, :status, :currency, :totalAmount, 0, :now, :now)
            ON CONFLICT (id) DO NOTHING""";
    private static final String INSERT_LINE = """
            INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price) VALUES (?, ?, ?, ?, ?)""";
    private static final String APPROVE = """
            UPDATE orders SET status = 'APPROVED', version = version + 1, updated_at = :now
             WHERE id = :id AND status = 'PENDING'
            RETURNING total_amount, currency""";

    private final JdbcClient sql;
    private final JdbcTemplate batches;

    OrderRows(JdbcClient sql, JdbcTemplate batches) {
        this.sql = sql;
        this.batches = batches;
    }

    /** Stores a new order with its lines. @return false, storing nothing, when the order id is known already */
    public boolean insertIfNew(Order order) {
        int inserted = sql.sql(INSERT_ORDER)
                .param("id", order.getId())
                .param("customerId", order.getCustomerId())
                .param("status", order.getStatus().name())
                .param("currency", order.getCurrency())
                .param("totalAmount", order.getTotal().amount())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            return false;
        }
        batches.batchUpdate(INSERT_LINE, order.getLines().stream()
                .map(line -> new Object[] {order.getId(), line.getLineNo(), line.getSku(), line.getQuantity(),
                        line.getUnitPrice()})
                .toList());
        return true;
    }

    /** PENDING -> APPROVED. @return the order's total when it moved; empty when it was not PENDING or unknown */
    public Optional<Amount> approveIfPending(UUID orderId) {
        return sql.sql(APPROVE)
                .param("id", orderId)
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .query((row, i) -> new Amount(row.getLong("total_amount"), row.getString("currency")))
                .optional();
    }

    public Optional<OrderStatus> statusOf(UUID orderId) {
        return sql.sql("SELECT status FROM orders WHERE id = :id")
                .param("id", orderId)
                .query((row, i) -> OrderStatus.valueOf(row.getString("status")))
                .optional();
    }
}
