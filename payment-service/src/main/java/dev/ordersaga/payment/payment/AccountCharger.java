package dev.ordersaga.payment.payment;

import dev.ordersaga.payment.account.Account;
import dev.ordersaga.payment.money.Money;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The charging decision, and the debit when it says yes. The one place that changes when charges move
 * behind an external payment provider: everything around it only sees a {@link ChargeDecision}.
 */
@Component
class AccountCharger {

    ChargeDecision charge(String customerId, Optional<Account> found, Money amount) {
        if (found.isEmpty()) {
            return ChargeDecision.decline("unknown account " + customerId);
        }
        Account account = found.get();
        if (!account.holds(amount.currency())) {
            return ChargeDecision.decline("currency mismatch: the account holds " + account.getBalance().currency()
                    + ", the charge is in " + amount.currency());
        }
        if (!account.covers(amount)) {
            return ChargeDecision.decline("insufficient funds: balance " + account.getBalance()
                    + " does not cover " + amount);
        }
        account.debit(amount);
        return ChargeDecision.approve();
    }
}
