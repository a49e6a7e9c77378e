package dev.ordersaga.payment.payment;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.payment.PaymentProperties;
import dev.ordersaga.payment.account.Account;
import dev.ordersaga.payment.account.AccountRepository;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import dev.ordersaga.schema.payment.RefundPayment;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's payment commands. Each runs in the messaging library's transaction, together with the inbox
 * record and the reply it writes to the outbox. Each is idempotent per order, not only per message id: a
 * saga retry sends the same request with a new id, and must never charge or refund twice.
 *
 * <p>The payment provider is called inside that transaction, so the transaction (and its connection) stays open
 * for the call. Accepted for now: the call is bounded by the resilience budget in application.yml (about 7 s
 * at worst, below spring.transaction.default-timeout), and no row lock is held meanwhile (accounts and payments
 * use optimistic locking). When the provider cannot be reached the reply is {@link PaymentUnavailable} and no
 * payment or balance changes: the saga asks again later with a new message id, and the provider's idempotency keys
 * make that repetition safe. Every charge call is preceded by a marker committed on its own
 * ({@link ProviderChargeAttempts}), which only the recorded payment removes: a later attempt at a marked order asks
 * the provider what it captured before deciding ({@link AccountCharger}).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class PaymentCommands {

    private static final Logger log = LoggerFactory.getLogger(PaymentCommands.class);

    private final PaymentRepository payments;
    private final PaymentLedger ledger;
    private final AccountRepository accounts;
    private final AccountCharger charger;
    private final Outbox outbox;
    private final String defaultCurrency;

    PaymentCommands(PaymentRepository payments, PaymentLedger ledger, AccountRepository accounts,
                    AccountCharger charger, Outbox outbox, PaymentProperties properties) {
        this.payments = payments;
        this.ledger = ledger;
        this.accounts = accounts;
        this.charger = charger;
        this.outbox = outbox;
        this.defaultCurrency = properties.defaultCurrency();
    }

    /**
     * Answers an order's recorded payment again, or decides the charge ({@link AccountCharger}) and records it.
     * Recording the payment also settles the order's marker of provider charge attempts ({@link PaymentLedger}).
     */
    void charge(ChargePayment command) {
        UUID orderId = command.orderId();
        Optional<Payment> existing = payments.findByOrderId(orderId);
        if (existing.isPresent()) {
            log.info("Order {} already has payment {} ({}): replying its outcome again, charging nothing",
                    orderId, existing.get().getId(), existing.get().status());
            outbox.send(existing.get().chargeReply());
            return;
        }
        Money amount = Money.from(command.amount());
        String customerId = command.customerId();
        Optional<Account> account = customerId == null ? Optional.empty() : accounts.findById(customerId);
        ChargeDecision decision = charger.charge(orderId, customerId, account, amount);
        if (decision.outcome() == ChargeDecision.Outcome.UNAVAILABLE) {
            // The marker committed before the call stays: the provider may have captured.
            replyUnavailable(orderId, "charge", decision.reason());
            return;
        }
        Payment payment = decision.outcome() == ChargeDecision.Outcome.APPROVED
                ? Payment.charged(orderId, customerId, amount, decision.providerChargeId())
                : Payment.declined(orderId, customerId, amount, decision.reason());
        ledger.record(payment);
        log.info("Order {}: payment {} {} {} for customer {}{}", orderId, payment.getId(), payment.status(), amount,
                customerId, payment.status() == PaymentStatus.CHARGED
                        ? " (provider charge " + payment.providerChargeId() + ")"
                        : " (" + decision.reason() + ")");
        outbox.send(payment.chargeReply());
    }

    /**
     * Refunds a charge once, at the provider and then on the account. With nothing charged the reply is a zero
     * refund: in the declined payment's currency (the order's), or in {@code payment.default-currency} for an order
     * this service never saw, which is then recorded as closed so that a late charge is declined.
     */
    void refund(RefundPayment command) {
        UUID orderId = command.orderId();
        Optional<Payment> found = payments.findByOrderId(orderId);
        if (found.isEmpty()) {
            closeBeforeCharge(orderId);
            return;
        }
        Payment payment = found.get();
        if (payment.status() == PaymentStatus.CHARGED) {
            if (payment.capturedAtProvider() && !refundedAtProvider(payment)) {
                return;
            }
            Money amount = payment.refund();
            accountOf(payment).credit(amount);
            log.info("Order {}: payment {} refunded, {} credited to {}", orderId, payment.getId(), amount,
                    payment.customerId());
        } else {
            log.info("Order {}: payment {} is {}, nothing more to refund: replying again", orderId, payment.getId(),
                    payment.status());
        }
        outbox.send(payment.refundReply());
    }

    /**
     * No charge was recorded, but one may still have been captured at the provider: a charge whose answer timed
     * out was replied to as unavailable, yet the provider may have done it. So the provider is asked to refund
     * the order's charge key either way ("nothing captured" is the usual answer) before the order is closed.
     */
    private void closeBeforeCharge(UUID orderId) {
        RefundDecision atProvider = charger.refundAtProvider(orderId);
        if (atProvider.outcome() == RefundDecision.Outcome.UNAVAILABLE) {
            replyUnavailable(orderId, "refund", atProvider.reason());
            return;
        }
        Payment closed = Payment.closedBeforeCharge(orderId, defaultCurrency);
        ledger.record(closed);
        log.info("Order {} refunded before any charge was recorded: closed for charging{}", orderId,
                atProvider.outcome() == RefundDecision.Outcome.REFUNDED
                        ? "; the provider had captured a charge whose answer was lost, and refunded it"
                        : ", nothing was captured at the provider");
        outbox.send(closed.refundReply());
    }

    /** @return false when the provider could not be reached (the unavailable reply is sent) */
    private boolean refundedAtProvider(Payment payment) {
        RefundDecision atProvider = charger.refundAtProvider(payment.orderId());
        if (atProvider.outcome() == RefundDecision.Outcome.UNAVAILABLE) {
            replyUnavailable(payment.orderId(), "refund", atProvider.reason());
            return false;
        }
        if (atProvider.outcome() == RefundDecision.Outcome.NOTHING_CAPTURED) {
            log.warn("Order {}: the provider has no capture for charge {} of payment {}; refunding the account anyway",
                    payment.orderId(), payment.providerChargeId(), payment.getId());
        }
        return true;
    }

    private void replyUnavailable(UUID orderId, String action, String reason) {
        log.warn("Order {}: {} not done, the saga will ask again: {}", orderId, action, reason);
        outbox.send(new PaymentUnavailable(orderId, reason));
    }

    private Account accountOf(Payment payment) {
        return accounts.findById(payment.customerId()).orElseThrow(() -> new IllegalStateException(
                "Account " + payment.customerId() + " of charged payment " + payment.getId() + " is gone"));
    }
}
