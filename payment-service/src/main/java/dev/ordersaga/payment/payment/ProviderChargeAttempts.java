package dev.ordersaga.payment.payment;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate ownTransaction;

    ProviderChargeAttempts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Keeps the time of the first attempt; later ones change nothing. Commits at once, in a transaction of its own. */
    @Override
    public void markBeforeProviderCall(UUID orderId) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO provider_charge_attempts (order_id, first_attempt_at) VALUES (:orderId, now())
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("orderId", orderId)
                .update());
    }

    /**
     * The order has a final payment row now: whatever the provider holds is accounted for by it. Joins the caller's
     * transaction, the one that records that row.
     */
    void settle(UUID orderId) {
        jdbc.sql("DELETE FROM provider_charge_attempts WHERE order_id = :orderId").param("orderId", orderId).update();
    }
}
