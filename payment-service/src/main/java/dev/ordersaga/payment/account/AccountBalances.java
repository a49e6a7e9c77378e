package dev.ordersaga.payment.account;

import dev.ordersaga.payment.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Balance changes of the saga's payment commands, each one conditional statement in the caller's transaction:
 * plain SQL rather than the {@link Account} entity, because loading the entity, checking it and writing it back
 * costs two statements and most of a message's CPU in Hibernate, for a change the database can check itself.
 * Each bumps the version like the entity does, so an import or API change that read the account earlier fails
 * its optimistic check instead of overwriting the balance.
 */
@Component
public class AccountBalances {

    private final JdbcClient jdbc;

    AccountBalances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false, changing nothing, when the account is missing, in another currency or does not cover it */
    public boolean debit(String customerId, Money amount) {
        return jdbc.sql("""
                        UPDATE accounts
                           SET balance_amount = balance_amount - :amount, version = version + 1,
                               updated_at = clock_timestamp()
                         WHERE customer_id = :customerId AND currency = :currency AND balance_amount >= :amount""")
                .param("amount", amount.amount())
                .param("customerId", customerId)
                .param("currency", amount.currency())
                .update() == 1;
    }

    /**
     * @throws IllegalStateException when the account is missing or in another currency: a charged payment's
     *                               account must still be there to take its refund
     */
    public void credit(String customerId, Money amount) {
        int credited = jdbc.sql("""
                        UPDATE accounts
                           SET balance_amount = balance_amount + :amount, version = version + 1,
                               updated_at = clock_timestamp()
                         WHERE customer_id = :customerId AND currency = :currency""")
                .param("amount", amount.amount())
                .param("customerId", customerId)
                .param("currency", amount.currency())
                .update();
        if (credited != 1) {
            throw new IllegalStateException("No account " + customerId + " in " + amount.currency() + " to credit "
                    + amount + " to");
        }
    }
}
