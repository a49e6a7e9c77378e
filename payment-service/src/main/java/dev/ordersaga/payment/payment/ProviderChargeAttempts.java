package dev.ordersaga.payment.payment;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Orders whose charge got no trustworthy answer from the provider, so that the provider may hold a capture this
 * service never recorded (table {@code provider_charge_attempts}). Plain JDBC rather than an entity: a marker has
 * no state to track, and "insert unless present" is one {@code ON CONFLICT DO NOTHING} statement, which JPA cannot
 * express without a racing read first. Every method joins the caller's transaction.
 */
@Component
class ProviderChargeAttempts {

    private final JdbcTemplate jdbc;

    ProviderChargeAttempts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the time of the first unanswered attempt; later ones change nothing. */
    void recordInDoubt(UUID orderId) {
        jdbc.update("""
                INSERT INTO provider_charge_attempts (order_id, first_attempt_at) VALUES (?, now())
                ON CONFLICT (order_id) DO NOTHING""", orderId);
    }

    boolean inDoubt(UUID orderId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM provider_charge_attempts WHERE order_id = ?)", Boolean.class, orderId));
    }

    /** The order has a final payment row now: whatever the provider holds is accounted for by it. */
    void settle(UUID orderId) {
        jdbc.update("DELETE FROM provider_charge_attempts WHERE order_id = ?", orderId);
    }
}
