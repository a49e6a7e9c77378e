package dev.ordersaga.payment.payment;

import dev.ordersaga.payment.account.Account;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.payment.provider.PaymentProvider;
import dev.ordersaga.payment.provider.ProviderCharge;
import dev.ordersaga.payment.provider.ProviderRefund;
import dev.ordersaga.payment.provider.ProviderUnavailableException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The charging decision, and the money moving at the payment provider. A charge passes the local checks
 * (account, currency, balance) first, then the provider captures it; only a capture debits the account. Both
 * provider calls carry a key derived from the order, so any repetition (a retry here, a saga retry with a new
 * message id, a redelivery) finds the provider's first answer instead of charging or refunding again.
 *
 * <p>One repetition needs more than the keys: when an earlier attempt got no answer (the provider may have
 * captured) and a later one is declined here, before any provider call, that capture is refunded at the provider
 * before the decline, or it would be left there.
 */
@Component
class AccountCharger {

    private static final Logger log = LoggerFactory.getLogger(AccountCharger.class);

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

    /**
     * Debits the account only when the provider captured the charge; changes nothing otherwise.
     *
     * @param captureInDoubt whether an earlier attempt at this order's charge got no answer from the provider, which
     *                       may then hold a capture; asked only when the charge is refused here, so an ordinary
     *                       charge costs no lookup
     */
    ChargeDecision charge(UUID orderId, String customerId, Optional<Account> found, Money amount,
                          BooleanSupplier captureInDoubt) {
        Optional<String> refusal = localRefusal(customerId, found, amount);
        if (refusal.isPresent()) {
            return captureInDoubt.getAsBoolean()
                    ? declineAfterRefundingLostCapture(orderId, refusal.get())
                    : ChargeDecision.decline(refusal.get());
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
        found.get().debit(amount);
        return ChargeDecision.approve(((ProviderCharge.Captured) outcome).chargeId());
    }

    /** Why the charge is declined without asking the provider: unknown account, other currency, too low a balance. */
    private static Optional<String> localRefusal(String customerId, Optional<Account> found, Money amount) {
        if (found.isEmpty()) {
            return Optional.of("unknown account " + customerId);
        }
        Account account = found.get();
        if (!account.holds(amount.currency())) {
            return Optional.of("currency mismatch: the account holds " + account.getBalance().currency()
                    + ", the charge is in " + amount.currency());
        }
        if (!account.covers(amount)) {
            return Optional.of("insufficient funds: balance " + account.getBalance() + " does not cover " + amount);
        }
        return Optional.empty();
    }

    /**
     * A decline here never reaches the provider, so it cannot find the capture an earlier, unanswered attempt may
     * have made; and the saga compensates a declined charge from the step before, with no RefundPayment. So that
     * capture is refunded first, and the decline waits (unavailable) until the provider has answered.
     */
    private ChargeDecision declineAfterRefundingLostCapture(UUID orderId, String refusal) {
        RefundDecision atProvider = refundAtProvider(orderId);
        return switch (atProvider.outcome()) {
            case UNAVAILABLE -> ChargeDecision.unavailable(atProvider.reason());
            case NOTHING_CAPTURED -> ChargeDecision.decline(refusal);
            case REFUNDED -> {
                log.warn("Order {}: the provider had captured {} for an earlier attempt whose answer was lost; "
                        + "refunded it before declining ({})", orderId, chargeKey(orderId), refusal);
                yield ChargeDecision.decline(refusal);
            }
        };
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
