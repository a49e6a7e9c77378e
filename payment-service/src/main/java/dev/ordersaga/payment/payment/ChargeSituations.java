package dev.ordersaga.payment.payment;

import dev.ordersaga.payment.account.AccountBalance;
import dev.ordersaga.payment.money.Money;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a charge needs to know before it decides, in one statement and without a transaction: whether the order
 * has a payment already, whether an earlier attempt left it in doubt, and the customer's balance. Nothing is
 * locked: {@link ChargePayments#apply} checks again where it matters, in the statements that record the outcome.
 */
@Component
class ChargeSituations {

    private final JdbcClient jdbc;

    ChargeSituations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param customerId null for a command without one: no account */
    ChargeSituation of(UUID orderId, String customerId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM payments WHERE order_id = :orderId) AS recorded,
                               EXISTS (SELECT 1 FROM provider_charge_attempts WHERE order_id = :orderId) AS in_doubt,
                               a.customer_id, a.balance_amount, a.currency
                          FROM (VALUES (1)) AS one
                          LEFT JOIN accounts a ON a.customer_id = :customerId""")
                .param("orderId", orderId)
                .param("customerId", customerId)
                .query((row, rowNumber) -> new ChargeSituation(row.getBoolean("recorded"), row.getBoolean("in_doubt"),
                        row.getString("customer_id") == null ? Optional.empty()
                                : Optional.of(new AccountBalance(row.getString("customer_id"),
                                        Money.of(row.getLong("balance_amount"), row.getString("currency"))))))
                .single();
    }

    /**
     * @param recorded the order has a payment: its outcome is answered again, nothing is decided
     * @param inDoubt  an earlier attempt marked the order and recorded no outcome
     * @param account  the customer's account as read, unlocked
     */
    record ChargeSituation(boolean recorded, boolean inDoubt, Optional<AccountBalance> account) {
    }
}
