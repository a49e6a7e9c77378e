package dev.ordersaga.payment.payment;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.payment.PaymentProperties;
import dev.ordersaga.payment.account.Account;
import dev.ordersaga.payment.account.AccountRepository;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.schema.payment.ChargePayment;
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
        ChargeDecision decision = charger.charge(customerId, account, amount);
        Payment payment = decision.approved()
                ? Payment.charged(orderId, customerId, amount)
                : Payment.declined(orderId, customerId, amount, decision.declineReason());
        ledger.record(payment);
        log.info("Order {}: payment {} {} {} for customer {}{}", orderId, payment.getId(), payment.status(), amount,
                customerId, decision.approved() ? "" : " (" + decision.declineReason() + ")");
        outbox.send(payment.chargeReply());
    }

    /**
     * Refunds a charge once. With nothing charged the reply is a zero refund: in the declined payment's
     * currency (the order's), or in {@code payment.default-currency} for an order this service never saw,
     * which is then recorded as closed so that a late charge is declined.
     */
    void refund(RefundPayment command) {
        UUID orderId = command.orderId();
        Optional<Payment> found = payments.findByOrderId(orderId);
        if (found.isEmpty()) {
            Payment closed = Payment.closedBeforeCharge(orderId, defaultCurrency);
            ledger.record(closed);
            log.info("Order {} refunded before any charge: recorded as closed, refunding nothing", orderId);
            outbox.send(closed.refundReply());
            return;
        }
        Payment payment = found.get();
        if (payment.status() == PaymentStatus.CHARGED) {
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

    private Account accountOf(Payment payment) {
        return accounts.findById(payment.customerId()).orElseThrow(() -> new IllegalStateException(
                "Account " + payment.customerId() + " of charged payment " + payment.getId() + " is gone"));
    }
}
