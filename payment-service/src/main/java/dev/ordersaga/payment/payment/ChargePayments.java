package dev.ordersaga.payment.payment;

import dev.ordersaga.messaging.consumer.PreparedMessageHandler;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.payment.account.AccountBalances;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.payment.payment.ChargeSituations.ChargeSituation;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's ChargePayment in two phases (the messaging library's {@link PreparedMessageHandler}), so that no
 * transaction or connection is held while the provider is asked (up to the resilience budget, about 7 s):
 * {@link #prepare} decides outside any transaction, each statement on a connection of its own, at the
 * provider where it must, with the in-doubt marker committed on its own before each charge call
 * ({@link AccountCharger}); {@link #apply} records that decision in the message's inbox transaction. Idempotent
 * per order, not only per message id: a saga retry sends the same request with a new id, and must never charge
 * twice. See docs/adr/0012-charge-outside-the-transaction.md for every point a crash or a race can hit between
 * the two.
 */
@Component
class ChargePayments implements PreparedMessageHandler<ChargePayment, PreparedCharge> {

    private static final Logger log = LoggerFactory.getLogger(ChargePayments.class);

    private final ChargeSituations situations;
    private final AccountCharger charger;
    private final PaymentRecords payments;
    private final AccountBalances balances;
    private final ProviderChargeAttempts markers;
    private final Outbox outbox;

    ChargePayments(ChargeSituations situations, AccountCharger charger, PaymentRecords payments,
                   AccountBalances balances, ProviderChargeAttempts markers, Outbox outbox) {
        this.situations = situations;
        this.charger = charger;
        this.payments = payments;
        this.balances = balances;
        this.markers = markers;
        this.outbox = outbox;
    }

    /**
     * Reads unlocked, then decides; an order with a payment is left for {@link #apply} to answer again.
     *
     * @throws IllegalStateException inside a transaction, which the provider call would hold open, and in which
     *                               the marker would not be committed before the call
     */
    @Override
    public PreparedCharge prepare(ChargePayment command) {
        NoTransaction.require("A charge calls the provider");
        ChargeSituation situation = situations.of(command.orderId(), command.customerId());
        if (situation.recorded()) {
            return new PreparedCharge.AlreadyRecorded();
        }
        return new PreparedCharge.Decided(charger.charge(command.orderId(), command.customerId(), situation.account(),
                situation.inDoubt(), Money.from(command.amount())));
    }

    /**
     * Records the decision with plain conditional statements, each checking again what {@link #prepare} read
     * without a lock: the payment goes in unless the order has one by now (then that one is answered), and an
     * approval debits only a balance that still covers it. Only the recorded payment settles the marker.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(ChargePayment command, PreparedCharge prepared) {
        UUID orderId = command.orderId();
        if (prepared == null) {
            // The library prepares nothing for a message its inbox held; this one was not held after all (purged
            // since?). Failing lets the retry prepare it.
            throw new IllegalStateException("ChargePayment of order " + orderId + " reached apply unprepared");
        }
        if (!(prepared instanceof PreparedCharge.Decided decided)) {
            answerAgain(recordedPayment(orderId), null);
            return;
        }
        ChargeDecision decision = decided.decision();
        if (decision.outcome() == ChargeDecision.Outcome.UNAVAILABLE) {
            // The marker stays: the provider may have captured.
            replyUnavailable(orderId, decision.reason());
            return;
        }
        Money amount = Money.from(command.amount());
        boolean approved = decision.outcome() == ChargeDecision.Outcome.APPROVED;
        Payment payment = approved
                ? Payment.charged(orderId, command.customerId(), amount, decision.providerChargeId())
                : Payment.declined(orderId, command.customerId(), amount, decision.reason());
        if (!payments.insertUnlessOrderHasOne(payment)) {
            answerAgain(recordedPayment(orderId), decision);
            return;
        }
        if (approved && !balances.debit(command.customerId(), amount)) {
            payments.delete(payment);
            replyUnavailable(orderId, "the account of " + command.customerId() + " no longer covers " + amount
                    + " after the provider captured " + decision.providerChargeId()
                    + "; the order stays in doubt and is settled with the provider when the saga asks again");
            return;
        }
        if (decision.settlesMarker()) {
            markers.settle(orderId);
        }
        if (approved) {
            log.debug("Order {}: payment {} CHARGED {} for customer {} (provider charge {})", orderId,
                    payment.getId(), amount, command.customerId(), decision.providerChargeId());
        } else {
            log.info("Order {}: payment {} DECLINED {} for customer {} ({})", orderId, payment.getId(), amount,
                    command.customerId(), decision.reason());
        }
        outbox.send(payment.chargeReply());
    }

    /**
     * Another attempt of this order recorded its payment after this one was prepared: a saga retry with a new
     * message id, or a RefundPayment that closed the order, prepared before it in the same poll. An approval of
     * ours holds the same capture as that payment when it is CHARGED with it (the provider answered both under the
     * order's key), so the marker is settled. Any other payment does not account for the capture this attempt
     * holds: the order stays marked (again, if the other attempt settled it) and an operator refunds the capture,
     * which {@code ops audit} names too. See docs/adr/0012-charge-outside-the-transaction.md.
     *
     * @param ours this attempt's decision, null when the payment was there before it decided anything
     */
    private void answerAgain(Payment first, ChargeDecision ours) {
        log.info("Order {} already has payment {} ({}): replying its outcome again, charging nothing",
                first.orderId(), first.getId(), first.status());
        if (ours != null && ours.outcome() == ChargeDecision.Outcome.APPROVED) {
            if (first.status() == PaymentStatus.CHARGED && ours.providerChargeId().equals(first.providerChargeId())) {
                markers.settle(first.orderId());
            } else {
                markers.keepInDoubt(first.orderId());
                log.warn("Order {}: the provider holds capture {} of a charge prepared before payment {} ({}) was "
                        + "recorded; the order stays in provider_charge_attempts for an operator to refund it",
                        first.orderId(), ours.providerChargeId(), first.getId(), first.status());
            }
        }
        outbox.send(first.chargeReply());
    }

    private Payment recordedPayment(UUID orderId) {
        return payments.findByOrderId(orderId).orElseThrow(() -> new IllegalStateException(
                "Order " + orderId + " had a payment when its charge was prepared, and has none now"));
    }

    private void replyUnavailable(UUID orderId, String reason) {
        log.warn("Order {}: charge not done, the saga will ask again: {}", orderId, reason);
        outbox.send(new PaymentUnavailable(orderId, reason));
    }
}
