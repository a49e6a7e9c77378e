package dev.ordersaga.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.payment.money.Money;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import dev.ordersaga.schema.payment.PaymentRefunded;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private final UUID orderId = UUID.randomUUID();
    private final Money amount = Money.of(2500, "EUR");

    @Test
    void aChargedPaymentAnswersChargedWithItsIdAndAmount() {
        Payment payment = Payment.charged(orderId, "c-1", amount, "ch_1");

        assertThat(payment.chargeReply()).isEqualTo(new PaymentCharged(orderId, payment.getId(), amount.toMessage()));
    }

    @Test
    void aDeclinedPaymentAnswersDeclinedWithItsReasonAndRefundsZeroInTheOrdersCurrency() {
        Payment payment = Payment.declined(orderId, "c-1", amount, "insufficient funds");

        assertThat(payment.chargeReply()).isEqualTo(new PaymentDeclined(orderId, "insufficient funds"));
        assertThat(payment.refundReply()).isEqualTo(new PaymentRefunded(orderId, Money.zero("EUR").toMessage()));
        assertThatThrownBy(payment::refund).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refundTurnsChargedIntoRefundedOnce() {
        Payment payment = Payment.charged(orderId, "c-1", amount, "ch_1");

        assertThat(payment.refund()).isEqualTo(amount);

        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.refundReply()).isEqualTo(new PaymentRefunded(orderId, amount.toMessage()));
        assertThatThrownBy(payment::refund).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefundedPaymentAnswersALateChargeWithDeclined() {
        Payment payment = Payment.charged(orderId, "c-1", amount, "ch_1");
        payment.refund();

        assertThat(payment.chargeReply()).isInstanceOf(PaymentDeclined.class);
    }

    @Test
    void anOrderClosedBeforeAnyChargeDeclinesLateChargesAndRefundsZero() {
        Payment closed = Payment.closedBeforeCharge(orderId, "EUR");

        assertThat(closed.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(closed.customerId()).isNull();
        assertThat(closed.chargeReply()).isInstanceOf(PaymentDeclined.class);
        assertThat(closed.refundReply()).isEqualTo(new PaymentRefunded(orderId, Money.zero("EUR").toMessage()));
    }

    @Test
    void aChargedPaymentHasNothingToAnswerARefundWithBeforeItIsRefunded() {
        assertThatThrownBy(() -> Payment.charged(orderId, "c-1", amount, "ch_1").refundReply())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aChargeKeepsTheProvidersChargeIdAndNeedsOne() {
        assertThat(Payment.charged(orderId, "c-1", amount, "ch_1").providerChargeId()).isEqualTo("ch_1");
        assertThat(Payment.charged(orderId, "c-1", amount, "ch_1").capturedAtProvider()).isTrue();
        assertThat(Payment.declined(orderId, "c-1", amount, "card declined").capturedAtProvider()).isFalse();
        assertThatThrownBy(() -> Payment.charged(orderId, "c-1", amount, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeclineNeedsAReason() {
        assertThatThrownBy(() -> Payment.declined(orderId, "c-1", amount, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
