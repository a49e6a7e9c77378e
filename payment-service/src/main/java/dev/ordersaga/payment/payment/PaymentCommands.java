package dev.ordersaga.payment.payment;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.payment.PaymentProperties;
import dev.ordersaga.payment.account.AccountBalances;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import dev.ordersaga.schema.payment.RefundPayment;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's RefundPayment (ChargePayment is {@link ChargePayments}). It runs in the messaging library's
 * transaction, together with the inbox record and the reply it writes to the outbox, and is idempotent per order,
 * not only per message id: a saga retry sends the same request with a new id, and must never refund twice.
 * Plain SQL ({@link PaymentRecords}, {@link AccountBalances}) like the charge, so that a transaction shared by
 * several records never mixes entities with rows changed beneath them.
 *
 * <p>The payment provider is called inside that transaction, so the transaction (and its connection) stays open
 * for the call: refunds are the compensation path, rare next to charges. The call is bounded by the resilience
 * budget in application.yml (about 7 s at worst, below spring.transaction.default-timeout). When the provider
 * cannot be reached the reply is {@link PaymentUnavailable} and nothing changes: the saga asks again later with a
 * new message id, and the provider's idempotency keys make that repetition safe.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class PaymentCommands {

    private static final Logger log = LoggerFactory.getLogger(PaymentCommands.class);

    private final PaymentRecords payments;
    private final PaymentLedger ledger;
    private final AccountBalances balances;
    private final AccountCharger charger;
    private final Outbox outbox;
    private final String defaultCurrency;

    PaymentCommands(PaymentRecords payments, PaymentLedger ledger, AccountBalances balances,
                    AccountCharger charger, Outbox outbox, PaymentProperties properties) {
        this.payments = payments;
        this.ledger = ledger;
        this.balances = balances;
        this.charger = charger;
        this.outbox = outbox;
        this.defaultCurrency = properties.defaultCurrency();
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
            if (!payments.markRefunded(payment)) {
                throw new ConcurrencyFailureException("Another transaction refunded payment " + payment.getId()
                        + " of order " + orderId + " first");
            }
            balances.credit(payment.customerId(), amount);
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
}
