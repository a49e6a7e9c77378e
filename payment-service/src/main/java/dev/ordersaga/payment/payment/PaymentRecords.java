package dev.ordersaga.payment.payment;

import dev.ordersaga.payment.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The payments table as the saga's payment commands use it: plain SQL in the caller's transaction. The REST API
 * keeps reading through {@link PaymentRepository}; the message handlers never load the entity, so a transaction
 * that several records share never carries a persistence context whose payments this class has changed since.
 */
@Component
class PaymentRecords {

    private final JdbcClient jdbc;

    PaymentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Payment> findByOrderId(UUID orderId) {
        return jdbc.sql("""
                        SELECT id, order_id, customer_id, amount, currency, status, decline_reason, provider_charge_id
                          FROM payments WHERE order_id = :orderId""")
                .param("orderId", orderId)
                .query(PaymentRecords::payment)
                .optional();
    }

    /**
     * @return false, inserting nothing, when the order has a payment already (UNIQUE order_id): the caller answers
     *         with that one instead. A concurrent insert of the same order is waited for, then counts as present.
     */
    boolean insertUnlessOrderHasOne(Payment payment) {
        return jdbc.sql("""
                        INSERT INTO payments (id, order_id, customer_id, amount, currency, status, decline_reason,
                                              provider_charge_id, version, created_at, updated_at)
                        VALUES (:id, :orderId, :customerId, :amount, :currency, :status, :declineReason,
                                :providerChargeId, 0, clock_timestamp(), clock_timestamp())
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("id", payment.getId())
                .param("orderId", payment.orderId())
                .param("customerId", payment.customerId())
                .param("amount", payment.amount().amount())
                .param("currency", payment.amount().currency())
                .param("status", payment.status().name())
                .param("declineReason", payment.declineReason())
                .param("providerChargeId", payment.providerChargeId())
                .update() == 1;
    }

    /** Takes back a payment this transaction inserted and cannot keep. */
    void delete(Payment payment) {
        jdbc.sql("DELETE FROM payments WHERE id = :id").param("id", payment.getId()).update();
    }

    /** @return false when the payment was no longer CHARGED: another transaction refunded it first */
    boolean markRefunded(Payment payment) {
        return jdbc.sql("""
                        UPDATE payments SET status = 'REFUNDED', version = version + 1, updated_at = clock_timestamp()
                         WHERE id = :id AND status = 'CHARGED'""")
                .param("id", payment.getId())
                .update() == 1;
    }

    private static Payment payment(ResultSet row, int rowNumber) throws SQLException {
        return Payment.restored(row.getObject("id", UUID.class), row.getObject("order_id", UUID.class),
                row.getString("customer_id"), Money.of(row.getLong("amount"), row.getString("currency")),
                PaymentStatus.valueOf(row.getString("status")), row.getString("decline_reason"),
                row.getString("provider_charge_id"));
    }
}
