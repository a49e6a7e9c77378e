package dev.ordersaga.payment.payment;

import dev.ordersaga.messaging.consumer.PreparedMessageHandler;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's RefundPayment, in two phases like {@link ChargePayments}: {@link #prepare} refunds at the provider
 * outside any transaction, where there may be something to refund there; {@link #apply} records the refund in the
 * inbox transaction, with the reply it writes to the outbox. Refunding at the provider first is safe to repeat:
 * the refund key derived from the order makes a redelivery or a saga retry (new message id) find the first answer.
 * Idempotent per order, not only per message id: a second refund never credits twice. Plain SQL
 * ({@link PaymentRecords}, {@link AccountBalances}) like the charge, so that a transaction shared by several records
 * never mixes entities with rows changed beneath them.
 *
 * <p>When the provider cannot be reached the reply is {@link PaymentUnavailable} and nothing changes: the saga asks
 * again later with a new message id.
 */
@Component
class RefundPayments implements PreparedMessageHandler<RefundPayment, Optional<RefundDecision>> {

    private static final Logger log = LoggerFactory.getLogger(RefundPayments.class);

    private final PaymentRecords payments;
    private final PaymentLedger ledger;
    private final AccountBalances balances;
    private final AccountCharger charger;
    private final Outbox outbox;
    private final String defaultCurrency;

    RefundPayments(PaymentRecords payments, PaymentLedger ledger, AccountBalances balances,
                    AccountCharger charger, Outbox outbox, PaymentProperties properties) {
        this.payments = payments;
        this.ledger = ledger;
        this.balances = balances;
        this.charger = charger;
        this.outbox = outbox;
        this.defaultCurrency = properties.defaultCurrency();
    }

    /**
     * Refunds at the provider whatever it may hold for the order: the capture of a CHARGED payment, or, with no
     * payment recorded, a capture whose answer was lost. A final payment (declined, refunded) or one charged before
     * charges went through the provider has nothing there: then the provider is not asked (empty).
     */
    @Override
    public Optional<RefundDecision> prepare(RefundPayment command) {
        NoTransaction.require("A refund calls the provider");
        Optional<Payment> found = payments.findByOrderId(command.orderId());
        boolean atProvider = found.isEmpty()
                || found.get().status() == PaymentStatus.CHARGED && found.get().capturedAtProvider();
        return atProvider ? Optional.of(charger.refundAtProvider(command.orderId())) : Optional.empty();
    }

    /**
     * Refunds a charge once, on the account after the provider. With nothing charged the reply is a zero refund: in
     * the declined payment's currency (the order's), or in {@code payment.default-currency} for an order this
     * service never saw, which is then recorded as closed so that a late charge is declined. Reads the payment
     * again: another record may have recorded it since {@link #prepare}.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(RefundPayment command, Optional<RefundDecision> atProvider) {
        UUID orderId = command.orderId();
        Optional<Payment> found = payments.findByOrderId(orderId);
        if (found.isEmpty()) {
            closeBeforeCharge(orderId, asked(atProvider, orderId));
            return;
        }
        Payment payment = found.get();
        if (payment.status() == PaymentStatus.CHARGED) {
            if (payment.capturedAtProvider() && !refundedAtProvider(payment, asked(atProvider, orderId))) {
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
    private void closeBeforeCharge(UUID orderId, RefundDecision atProvider) {
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
    private boolean refundedAtProvider(Payment payment, RefundDecision atProvider) {
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

    /**
     * The provider is asked unless the payment was final or never at the provider when prepared, and neither
     * becomes a payment the provider holds money for. Failing lets the retry prepare again.
     */
    private static RefundDecision asked(Optional<RefundDecision> atProvider, UUID orderId) {
        // Null: the library prepared nothing, for a message its inbox seemed to hold.
        if (atProvider == null || atProvider.isEmpty()) {
            throw new IllegalStateException("The refund of order " + orderId + " was prepared without asking the "
                    + "provider, but the provider may hold its charge now");
        }
        return atProvider.get();
    }

    private void replyUnavailable(UUID orderId, String action, String reason) {
        log.warn("Order {}: {} not done, the saga will ask again: {}", orderId, action, reason);
        outbox.send(new PaymentUnavailable(orderId, reason));
    }
}
