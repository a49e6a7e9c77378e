package dev.ordersaga.payment.payment;

import dev.ordersaga.payment.account.Account;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.payment.provider.PaymentProvider;
import dev.ordersaga.payment.provider.ProviderCharge;
import dev.ordersaga.payment.provider.ProviderRefund;
import dev.ordersaga.payment.provider.ProviderUnavailableException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The charging decision, and the money moving at the payment provider. A charge passes the local checks
 * (account, currency, balance) first, then the provider captures it; only a capture debits the account. Both
 * provider calls carry a key derived from the order, so any repetition (a retry here, a saga retry with a new
 * message id, a redelivery) finds the provider's first answer instead of charging or refunding again.
 */
@Component
class AccountCharger {

    private final PaymentProvider provider;

    AccountCharger(PaymentProvider provider) {
        this.provider = provider;
    }

    static String chargeKey(UUID orderId) {
        return "charge-" + orderId;
    }

    static String refundKey(UUID orderId) {
        return "refund-" + orderId;
    }

    /** Debits the account only when the provider captured the charge; changes nothing otherwise. */
    ChargeDecision charge(UUID orderId, String customerId, Optional<Account> found, Money amount) {
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
        ProviderCharge outcome;
        try {
            outcome = provider.charge(chargeKey(orderId), customerId, amount, orderId.toString());
        } catch (ProviderUnavailableException e) {
            return ChargeDecision.unavailable(e.getMessage());
        }
        if (outcome instanceof ProviderCharge.Declined declined) {
            return ChargeDecision.decline(declined.reason());
        }
        account.debit(amount);
        return ChargeDecision.approve(((ProviderCharge.Captured) outcome).chargeId());
    }

    /** Refunds whatever the provider captured for the order, if anything; crediting the account is the caller's. */
    RefundDecision refundAtProvider(UUID orderId) {
        try {
            ProviderRefund outcome = provider.refund(refundKey(orderId), chargeKey(orderId));
            return outcome instanceof ProviderRefund.Refunded ? RefundDecision.refunded()
                    : RefundDecision.nothingCaptured();
        } catch (ProviderUnavailableException e) {
            return RefundDecision.unavailable(e.getMessage());
        }
    }
}
