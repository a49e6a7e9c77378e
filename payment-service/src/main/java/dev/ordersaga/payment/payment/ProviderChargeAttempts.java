package dev.ordersaga.payment.payment;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * <p>Plain JDBC rather than an entity: a marker has no state to track, and "insert unless present" is one
 * {@code ON CONFLICT DO NOTHING} statement, which JPA cannot express without a racing read first.
 */
@Component
class ProviderChargeAttempts implements ChargeAttemptMarkers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    ProviderChargeAttempts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Keeps the time of the first attempt; later ones change nothing. Runs on a second connection while the
     * message's transaction waits (the pool is sized for it, see application.yml).
     */
    @Override
    public void markBeforeProviderCall(UUID orderId) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO provider_charge_attempts (order_id, first_attempt_at) VALUES (?, now())
                ON CONFLICT (order_id) DO NOTHING""", orderId));
    }

    /** Joins the caller's transaction. */
    @Override
    public boolean inDoubt(UUID orderId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM provider_charge_attempts WHERE order_id = ?)", Boolean.class, orderId));
    }

    /**
     * The order has a final payment row now: whatever the provider holds is accounted for by it. Joins the caller's
     * transaction, the one that records that row.
     */
    void settle(UUID orderId) {
        jdbc.update("DELETE FROM provider_charge_attempts WHERE order_id = ?", orderId);
    }
}
