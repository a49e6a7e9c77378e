package dev.ordersaga.payment.account;

import dev.ordersaga.payment.money.Money;

/**
 * An account's balance as read at one moment, for a decision that must not hold the account's row: the charge's
 * local checks run before the provider call, outside any transaction. The debit that follows re-checks the
 * balance in the database ({@link AccountBalances#debit}), so a stale read can decline too late, never overdraw.
 */
public record AccountBalance(String customerId, Money balance) {

    public boolean holds(String currency) {
        return balance.hasCurrency(currency);
    }

    /** Compares in the account's currency; a charge in another currency is never covered. */
    public boolean covers(Money amount) {
        return holds(amount.currency()) && !balance.isLessThan(amount);
    }
}
