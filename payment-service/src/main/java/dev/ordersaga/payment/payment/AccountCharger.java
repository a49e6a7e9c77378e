package dev.ordersaga.payment.payment;

import dev.ordersaga.payment.account.AccountBalance;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.payment.provider.PaymentProvider;
import dev.ordersaga.payment.provider.ProviderCapture;
import dev.ordersaga.payment.provider.ProviderCharge;
import dev.ordersaga.payment.provider.ProviderRefund;
import dev.ordersaga.payment.provider.ProviderRejectedException;
import dev.ordersaga.payment.provider.ProviderUnavailableException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The charging decision, and the money moving at the payment provider. A charge passes the local checks
 * (account, currency, balance) first, then the provider captures it; only an approval debits the account, which
 * the caller does when it records the decision ({@link ChargePayments}). This class reads nothing and writes
 * nothing but the marker, and holds no transaction: it runs before the message's transaction. Both
 * provider calls carry a key derived from the order, so any repetition (a retry here, a saga retry with a new
 * message id, a redelivery) finds the provider's first answer instead of charging or refunding again.
 *
 * <p>Keys alone do not make a lost answer safe: the provider may have captured for an attempt whose outcome this
 * service never recorded (no answer, or a crash or failed commit after it), and the balance may have changed
 * since. So each charge call is preceded by a committed marker ({@link ChargeAttemptMarkers}), and an order found
 * marked settles with the provider by the order's key before its outcome is recorded: a charge declined here
 * first refunds whatever the provider holds under the key (one call, answered "no charge" when nothing was
 * captured); a charge approved here first asks the reporting API, then adopts the capture it finds, declines if
 * that capture was refunded already, or charges as usual if there is none. Either way the order ends with exactly
 * one capture behind an approval, or none held.
 */
@Component
class AccountCharger {

    private static final Logger log = LoggerFactory.getLogger(AccountCharger.class);

    private final PaymentProvider provider;
    private final ChargeAttemptMarkers markers;

    AccountCharger(PaymentProvider provider, ChargeAttemptMarkers markers) {
        this.provider = provider;
        this.markers = markers;
    }

    static String chargeKey(UUID orderId) {
        return "charge-" + orderId;
    }

    static String refundKey(UUID orderId) {
        return "refund-" + orderId;
    }

    /**
     * Approves only when the provider holds the charge's capture. An order without a marker costs no extra
     * provider call.
     *
     * @param found    the account as read before, without a lock
     * @param inDoubt  whether the order was marked by an earlier attempt whose outcome was not recorded
     */
    ChargeDecision charge(UUID orderId, String customerId, Optional<AccountBalance> found, boolean inDoubt,
                          Money amount) {
        Optional<String> refusal = localRefusal(customerId, found, amount);
        if (!inDoubt) {
            return refusal.isPresent() ? ChargeDecision.decline(refusal.get())
                    : chargeAtProvider(orderId, customerId, amount);
        }
        return refusal.isPresent() ? declineAfterRefundingLostCapture(orderId, refusal.get())
                : approveInDoubt(orderId, customerId, amount);
    }

    private ChargeDecision chargeAtProvider(UUID orderId, String customerId, Money amount) {
        markers.markBeforeProviderCall(orderId);
        ProviderCharge outcome;
        try {
            outcome = provider.charge(chargeKey(orderId), customerId, amount, orderId.toString());
        } catch (ProviderUnavailableException e) {
            return ChargeDecision.unavailable(e.getMessage());
        }
        if (outcome instanceof ProviderCharge.Declined declined) {
            return ChargeDecision.declineSettling(declined.reason());
        }
        return ChargeDecision.approve(((ProviderCharge.Captured) outcome).chargeId());
    }

    /**
     * The charge passes here, but an earlier attempt may have captured it, or even had it refunded since: the
     * provider's reporting API says which before anything moves. Charging again under the key would not do: it
     * replays a refunded capture's first answer as if the money were held.
     */
    private ChargeDecision approveInDoubt(UUID orderId, String customerId, Money amount) {
        ProviderCapture atProvider;
        try {
            atProvider = provider.captureUnder(chargeKey(orderId));
        } catch (ProviderUnavailableException e) {
            return ChargeDecision.unavailable(e.getMessage());
        }
        if (atProvider instanceof ProviderCapture.Captured captured) {
            return adoptLostCapture(orderId, amount, captured);
        }
        if (atProvider instanceof ProviderCapture.Refunded refunded) {
            return ChargeDecision.declineSettling("the provider's capture " + refunded.chargeId()
                    + " of this order was refunded; it is not charged again");
        }
        return chargeAtProvider(orderId, customerId, amount);
    }

    /** The earlier attempt's capture is this charge: approve with it instead of capturing again. */
    private ChargeDecision adoptLostCapture(UUID orderId, Money amount, ProviderCapture.Captured captured) {
        if (!captured.amount().equals(amount)) {
            // The provider would answer a charge under this key with 409 too: an operator's case, not a decision.
            throw new ProviderRejectedException("The payment provider captured " + captured.amount() + " under "
                    + chargeKey(orderId) + " (" + captured.chargeId() + "), but the order's charge is " + amount);
        }
        log.warn("Order {}: the provider had captured {} ({}) for an earlier attempt whose outcome was not recorded; "
                + "approved with that capture", orderId, chargeKey(orderId), captured.chargeId());
        return ChargeDecision.approve(captured.chargeId());
    }

    /** Why the charge is declined without asking the provider: unknown account, other currency, too low a balance. */
    private static Optional<String> localRefusal(String customerId, Optional<AccountBalance> found, Money amount) {
        if (found.isEmpty()) {
            return Optional.of("unknown account " + customerId);
        }
        AccountBalance account = found.get();
        if (!account.holds(amount.currency())) {
            return Optional.of("currency mismatch: the account holds " + account.balance().currency()
                    + ", the charge is in " + amount.currency());
        }
        if (!account.covers(amount)) {
            return Optional.of("insufficient funds: balance " + account.balance() + " does not cover " + amount);
        }
        return Optional.empty();
    }

    /**
     * The saga compensates a declined charge from the step before, with no RefundPayment: a capture left at the
     * provider now would stay there. So it is refunded first, and the decline waits (unavailable) until the
     * provider has answered.
     */
    private ChargeDecision declineAfterRefundingLostCapture(UUID orderId, String refusal) {
        RefundDecision atProvider = refundAtProvider(orderId);
        return switch (atProvider.outcome()) {
            case UNAVAILABLE -> ChargeDecision.unavailable(atProvider.reason());
            case NOTHING_CAPTURED -> ChargeDecision.declineSettling(refusal);
            case REFUNDED -> {
                log.warn("Order {}: the provider had captured {} for an earlier attempt whose outcome was not "
                        + "recorded; refunded it before declining ({})", orderId, chargeKey(orderId), refusal);
                yield ChargeDecision.declineSettling(refusal);
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
