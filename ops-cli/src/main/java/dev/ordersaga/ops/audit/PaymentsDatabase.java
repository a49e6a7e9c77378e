package dev.ordersaga.ops.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** payment-service's table {@code payments}, read-only. */
final class PaymentsDatabase implements PaymentReader {

    // Keyset on the unique index payments_order_id_key.
    private static final String PAYMENTS = """
            SELECT id, order_id, status, amount, currency, customer_id, created_at
            FROM payments
            %s
            ORDER BY order_id
            LIMIT ?
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
                        payments.add(new PaymentRow(rows.getObject("id", UUID.class),
                                rows.getObject("order_id", UUID.class), rows.getString("status"),
                                rows.getLong("amount"), rows.getString("currency"), rows.getString("customer_id"),
                                Rows.instant(rows, "created_at")));
                    }
                    return payments;
                });
    }
}
