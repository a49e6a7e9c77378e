package dev.ordersaga.ops.audit;

import static dev.ordersaga.ops.audit.TestRows.NOW;
import static dev.ordersaga.ops.audit.TestRows.capture;
import static dev.ordersaga.ops.audit.TestRows.id;
import static dev.ordersaga.ops.audit.TestRows.order;
import static dev.ordersaga.ops.audit.TestRows.payment;
import static dev.ordersaga.ops.audit.TestRows.paymentAtProvider;
import static dev.ordersaga.ops.audit.TestRows.paymentTombstone;
import static dev.ordersaga.ops.audit.TestRows.refundedCapture;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProviderRulesTest {

    private static final UUID ORDER = id(1);
    private final ProviderRules rules = new ProviderRules(new OrderRules(NOW, Duration.ofMinutes(5)), null);

    @Test
    void aHeldCaptureMatchesOnlyTheChargedPaymentOfItsChargeIdAmountAndCurrency() {
        PaymentRow charged = paymentAtProvider(ORDER, PaymentRow.CHARGED);
        PaymentRow otherCharge = new PaymentRow(charged.id(), ORDER, PaymentRow.CHARGED, 1000, "EUR", "customer-1",
                "ch_other", charged.createdAt());
        PaymentRow otherCurrency = new PaymentRow(charged.id(), ORDER, PaymentRow.CHARGED, 1000, "USD", "customer-1",
                charged.providerChargeId(), charged.createdAt());

        assertThat(ProviderRules.mismatch(ORDER, capture(ORDER), charged)).isEmpty();
        assertThat(ProviderRules.mismatch(ORDER, capture(ORDER), otherCharge))
                .contains("the provider holds capture ch_1 of 1000 EUR, but the payment is CHARGED with ch_other");
        assertThat(ProviderRules.mismatch(ORDER, capture(ORDER), otherCurrency))
                .contains("the provider holds capture ch_1 of 1000 EUR, but the payment is CHARGED 1000 USD");
        assertThat(ProviderRules.mismatch(ORDER, capture(ORDER), paymentTombstone(ORDER)))
                .contains("the provider holds capture ch_1 of 1000 EUR, but the payment is DECLINED");
        assertThat(ProviderRules.mismatch(ORDER, capture(ORDER), paymentAtProvider(ORDER, PaymentRow.REFUNDED)))
                .contains("the provider holds capture ch_1 of 1000 EUR, but the payment is REFUNDED");
    }

    @Test
    void aRefundedCaptureMatchesAnyPaymentButACharged() {
        assertThat(ProviderRules.mismatch(ORDER, refundedCapture(ORDER), paymentAtProvider(ORDER, PaymentRow.REFUNDED)))
                .isEmpty();
        assertThat(ProviderRules.mismatch(ORDER, refundedCapture(ORDER), payment(ORDER, PaymentRow.DECLINED))).isEmpty();
        assertThat(ProviderRules.mismatch(ORDER, refundedCapture(ORDER), paymentTombstone(ORDER))).isEmpty();
        assertThat(ProviderRules.mismatch(ORDER, refundedCapture(ORDER), null)).isEmpty();
        assertThat(ProviderRules.mismatch(ORDER, refundedCapture(ORDER), paymentAtProvider(ORDER, PaymentRow.CHARGED)))
                .contains("payment is CHARGED (ch_1, 1000 EUR), but the provider refunded capture ch_1 (re_1)");
    }

    @Test
    void noCaptureMatchesAnyPaymentButOneChargedThroughTheProvider() {
        assertThat(ProviderRules.mismatch(ORDER, null, null)).isEmpty();
        assertThat(ProviderRules.mismatch(ORDER, null, payment(ORDER, PaymentRow.CHARGED)))
                .as("charged before charges went through the provider").isEmpty();
        assertThat(ProviderRules.mismatch(ORDER, null, paymentAtProvider(ORDER, PaymentRow.CHARGED)))
                .contains("payment is CHARGED (ch_1, 1000 EUR), but the provider holds no capture under charge-" + ORDER);
    }

    @Test
    void aDisagreementIsAViolationOnceTheOrderIsSettledOrWhenThereIsNone() {
        assertThat(rules.judge(ORDER, order(ORDER, OrderRules.REJECTED), "p"))
                .contains(Finding.violation(ORDER, OrderRules.REJECTED, "p"));
        assertThat(rules.judge(ORDER, null, "p")).contains(Finding.violation(ORDER, null, "no such order; p"));
        assertThat(rules.judge(ORDER, order(ORDER, OrderRules.CANCELLING), "p"))
                .contains(Finding.warning(ORDER, OrderRules.CANCELLING, "p (the order is not settled yet)"));
        assertThat(rules.judge(ORDER, order(ORDER, OrderRules.PENDING, NOW.minusSeconds(10)), "p")).isEmpty();
        assertThat(new ProviderRules(new OrderRules(NOW, Duration.ofMinutes(5)), NOW.minusSeconds(60))
                .judge(ORDER, order(ORDER, OrderRules.APPROVED), "p")).as("older than --since").isEmpty();
    }

    @Test
    void onlyACanonicalChargeKeyNamesAnOrder() {
        UUID orderId = UUID.randomUUID();

        assertThat(key("charge-" + orderId).orderId()).contains(orderId);
        assertThat(key("refund-" + orderId).orderId()).isEmpty();
        assertThat(key("charge-1-2-3-4-5").orderId()).isEmpty();
        assertThat(key("charge-not-a-uuid").orderId()).isEmpty();
        assertThat(key(null).orderId()).isEmpty();
    }

    private static CaptureRow key(String idempotencyKey) {
        return new CaptureRow(idempotencyKey, "ch_1", "c", 1, "EUR", CaptureRow.CAPTURED, null);
    }
}
