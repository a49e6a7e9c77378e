package dev.ordersaga.ops.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** payment-service's table {@code payments}, read-only. */
final class PaymentsDatabase implements PaymentReader {

    // Keyset on the unique index payments_order_id_key.
    private static final String PAYMENTS = """
            SELECT id, order_id, status, amount, currency, customer_id, provider_charge_id, created_at
            FROM payments
            %s
            ORDER BY order_id
            LIMIT ?
            """;

    // The unique index payments_order_id_key again, probed once per id of the array.
    private static final String PAYMENTS_OF = """
            SELECT id, order_id, status, amount, currency, customer_id, provider_charge_id, created_at
            FROM payments
            WHERE order_id = ANY (?)
            """;

    private final Database database;

    PaymentsDatabase(Database database) {
        this.database = database;
    }

    @Override
    public List<PaymentRow> payments(Instant since, UUID after, UUID upTo, int limit) {
        Conditions where = new Conditions().and("order_id > ?", after).and("order_id <= ?", upTo)
                .and("created_at >= ?", since);
        return database.query("read payments", PAYMENTS.formatted(where.where()),
                statement -> statement.setInt(where.bind(statement), limit),
                rows -> {
                    List<PaymentRow> payments = new ArrayList<>();
                    while (rows.next()) {
                        payments.add(payment(rows));
                    }
                    return payments;
                });
    }

    @Override
    public Map<UUID, PaymentRow> paymentsOf(Collection<UUID> orderIds) {
        return database.query("look up payments", PAYMENTS_OF,
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", orderIds.toArray())),
                rows -> {
                    Map<UUID, PaymentRow> payments = new HashMap<>();
                    while (rows.next()) {
                        PaymentRow payment = payment(rows);
                        payments.put(payment.orderId(), payment);
                    }
                    return payments;
                });
    }

    private static PaymentRow payment(ResultSet rows) throws SQLException {
        return new PaymentRow(rows.getObject("id", UUID.class), rows.getObject("order_id", UUID.class),
                rows.getString("status"), rows.getLong("amount"), rows.getString("currency"),
                rows.getString("customer_id"), rows.getString("provider_charge_id"), Rows.instant(rows, "created_at"));
    }
}
