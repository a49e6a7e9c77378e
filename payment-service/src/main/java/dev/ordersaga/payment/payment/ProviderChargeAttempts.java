package dev.ordersaga.payment.payment;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders whose charge reached for the provider and has no recorded outcome yet, so that the provider may hold a
 * capture this service never recorded (table {@code provider_charge_attempts}). A marker is committed on its own
 * before each charge call; the transaction that records the order's payment deletes it. So a marker outlives its
 * charge only when that charge got no answer, or its handler crashed or failed to commit after the call.
 *
 * <p>Plain SQL rather than an entity: a marker has no state to track, and "insert unless present" is one
 * {@code ON CONFLICT DO NOTHING} statement, which JPA cannot express without a racing read first.
 */
@Component
class ProviderChargeAttempts implements ChargeAttemptMarkers {

    private final JdbcClient jdbc;

    ProviderChargeAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Later attempts change nothing. One autocommit statement: the charge is prepared outside any transaction, so
     * the marker is on disk when this returns, on a connection that goes straight back to the pool.
     *
     * @throws IllegalStateException inside a transaction, where the marker would commit only with it
     */
    @Override
    public void markBeforeProviderCall(UUID orderId) {
        NoTransaction.require("The marker must be committed before the provider call");
        insertUnlessMarked(orderId);
    }

    /**
     * Marks the order again in the caller's transaction: a capture was made that the order's recorded payment does
     * not account for (see {@link ChargePayments}), so the order must stay in doubt whatever settled it before.
     */
    void keepInDoubt(UUID orderId) {
        insertUnlessMarked(orderId);
    }

    /** Keeps the time of the first attempt. */
    private void insertUnlessMarked(UUID orderId) {
        jdbc.sql("""
                        INSERT INTO provider_charge_attempts (order_id, first_attempt_at) VALUES (:orderId, now())
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("orderId", orderId)
                .update();
    }

    /**
     * The order has a final payment row now: whatever the provider holds is accounted for by it. Joins the caller's
     * transaction, the one that records that row.
     */
    void settle(UUID orderId) {
        jdbc.sql("DELETE FROM provider_charge_attempts WHERE order_id = :orderId").param("orderId", orderId).update();
    }
}
