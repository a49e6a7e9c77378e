package dev.ordersaga.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.payment.account.AccountBalance;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.payment.provider.PaymentProvider;
import dev.ordersaga.payment.provider.ProviderCapture;
import dev.ordersaga.payment.provider.ProviderCharge;
import dev.ordersaga.payment.provider.ProviderRefund;
import dev.ordersaga.payment.provider.ProviderRejectedException;
import dev.ordersaga.payment.provider.ProviderUnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AccountChargerTest {

    /** What the provider and the markers were asked, in order. */
    private final List<String> calls = new ArrayList<>();
    private final FakeProvider provider = new FakeProvider(calls);
    private final FakeMarkers markers = new FakeMarkers(calls);
    private final AccountCharger charger = new AccountCharger(provider, markers);
    private final AccountBalance account = new AccountBalance("c-1", Money.of(1000, "EUR"));
    private final UUID orderId = UUID.randomUUID();
    private final String charge = "charge charge-" + orderId + " c-1 ";
    private final String mark = "mark " + orderId;
    private final String lookup = "lookup charge-" + orderId;
    private final String refund = "refund refund-" + orderId + " charge-" + orderId;

    @Test
    void marksTheOrderBeforeTheProviderCapturesThenApproves() {
        provider.charges = () -> new ProviderCharge.Captured("ch_1");

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), false, Money.of(1000, "EUR"));

        assertThat(decision).isEqualTo(ChargeDecision.approve("ch_1"));
        assertThat(calls).containsExactly(mark, charge + "1000 EUR " + orderId);
    }

    @Test
    void declinesWithTheProvidersReasonSettlingTheMark() {
        provider.charges = () -> new ProviderCharge.Declined("card declined");

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), false, Money.of(1, "EUR"));

        assertThat(decision).isEqualTo(ChargeDecision.declineSettling("card declined"));
    }

    @Test
    void anUnreachableProviderChangesNothingButLeavesTheMark() {
        provider.charges = () -> {
            throw new ProviderUnavailableException("circuit breaker paymentProvider is open", null);
        };

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), false, Money.of(1, "EUR"));

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.UNAVAILABLE);
        assertThat(decision.reason()).contains("circuit breaker paymentProvider is open");
        assertThat(markers.marked).containsExactly(orderId);
    }

    @Test
    void declinesAnUnknownAccountWithoutAskingTheProviderOrMarking() {
        ChargeDecision decision = charger.charge(orderId, "c-404", Optional.empty(), false, Money.of(1, "EUR"));

        assertThat(decision).isEqualTo(ChargeDecision.decline("unknown account c-404"));
        assertThat(calls).isEmpty();
    }

    @Test
    void declinesAnotherCurrencyWithoutAskingTheProvider() {
        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), false, Money.of(1, "USD"));

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.DECLINED);
        assertThat(decision.reason()).startsWith("currency mismatch").contains("EUR", "USD");
        assertThat(calls).isEmpty();
    }

    @Test
    void declinesInsufficientFundsWithoutAskingTheProvider() {
        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), false, Money.of(1001, "EUR"));

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.DECLINED);
        assertThat(decision.reason()).startsWith("insufficient funds").contains("1000 EUR", "1001 EUR");
        // Nothing of this attempt's at the provider: a marker it did not see is not its to settle.
        assertThat(decision.settlesMarker()).isFalse();
        assertThat(calls).isEmpty();
    }

    @Test
    void anOrderInDoubtWhoseCaptureTheProviderHoldsIsApprovedWithThatCaptureWithoutCapturingAgain() {
        provider.captures = () -> new ProviderCapture.Captured("ch_lost", Money.of(400, "EUR"));

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), true, Money.of(400, "EUR"));

        assertThat(decision).isEqualTo(ChargeDecision.approve("ch_lost"));
        assertThat(calls).containsExactly(lookup);
    }

    @Test
    void aLocalDeclineOfAnOrderInDoubtRefundsWhatTheProviderHoldsUnderItsKeyFirst() {
        provider.refunds = () -> new ProviderRefund.Refunded("re_1");

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), true, Money.of(1001, "EUR"));

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.DECLINED);
        assertThat(decision.reason()).startsWith("insufficient funds");
        assertThat(decision.settlesMarker()).isTrue();
        assertThat(calls).containsExactly(refund);
    }

    @Test
    void aLocalDeclineOfAnOrderInDoubtWaitsWhileTheRefundCannotReachTheProvider() {
        provider.refunds = () -> {
            throw new ProviderUnavailableException("HTTP 503 (after 3 attempts)", null);
        };

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), true, Money.of(1, "USD"));

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.UNAVAILABLE);
        assertThat(decision.reason()).contains("HTTP 503");
        assertThat(calls).containsExactly(refund);
    }

    @Test
    void anOrderInDoubtThatTheProviderNeverCapturedIsChargedAsUsualAfterTheLookup() {
        provider.captures = ProviderCapture.NotCaptured::new;
        provider.charges = () -> new ProviderCharge.Captured("ch_2");

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), true, Money.of(100, "EUR"));

        assertThat(decision).isEqualTo(ChargeDecision.approve("ch_2"));
        assertThat(calls).containsExactly(lookup, mark, charge + "100 EUR " + orderId);
    }

    @Test
    void aLocalDeclineOfAnOrderInDoubtThatTheProviderNeverCapturedDeclines() {
        provider.refunds = ProviderRefund.NothingCaptured::new;

        ChargeDecision decision = charger.charge(orderId, "c-404", Optional.empty(), true, Money.of(100, "EUR"));

        assertThat(decision).isEqualTo(ChargeDecision.declineSettling("unknown account c-404"));
        assertThat(calls).containsExactly(refund);
    }

    @Test
    void anOrderInDoubtWhoseCaptureWasRefundedIsDeclinedNotChargedAgain() {
        provider.captures = () -> new ProviderCapture.Refunded("ch_lost", Money.of(100, "EUR"));

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), true, Money.of(100, "EUR"));

        assertThat(decision).isEqualTo(ChargeDecision.declineSettling(
                "the provider's capture ch_lost of this order was refunded; it is not charged again"));
        assertThat(calls).containsExactly(lookup);
    }

    @Test
    void anOrderInDoubtWaitsWhileTheProviderCannotSayWhatItHolds() {
        provider.captures = () -> {
            throw new ProviderUnavailableException("no answer within 2000 ms", null);
        };

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), true, Money.of(100, "EUR"));

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.UNAVAILABLE);
        assertThat(decision.reason()).contains("no answer within 2000 ms");
        assertThat(calls).containsExactly(lookup);
    }

    @Test
    void aCaptureInDoubtOfAnotherAmountIsRefusedForAnOperator() {
        provider.captures = () -> new ProviderCapture.Captured("ch_lost", Money.of(999, "EUR"));

        assertThatThrownBy(() -> charger.charge(orderId, "c-1", Optional.of(account), true, Money.of(100, "EUR")))
                .isInstanceOf(ProviderRejectedException.class)
                .hasMessageContaining("captured 999 EUR under charge-" + orderId + " (ch_lost)");
    }

    @Test
    void refundsTheOrdersChargeKeyUnderTheOrdersRefundKey() {
        provider.refunds = () -> new ProviderRefund.Refunded("re_1");
        assertThat(charger.refundAtProvider(orderId)).isEqualTo(RefundDecision.refunded());

        provider.refunds = ProviderRefund.NothingCaptured::new;
        assertThat(charger.refundAtProvider(orderId)).isEqualTo(RefundDecision.nothingCaptured());

        provider.refunds = () -> {
            throw new ProviderUnavailableException("no answer within 2000 ms", null);
        };
        assertThat(charger.refundAtProvider(orderId).outcome()).isEqualTo(RefundDecision.Outcome.UNAVAILABLE);
        assertThat(calls).containsOnly(refund);
    }

    /** Answers as told and remembers what it was asked. */
    private static final class FakeProvider implements PaymentProvider {

        private final List<String> calls;
        private Supplier<ProviderCharge> charges;
        private Supplier<ProviderRefund> refunds;
        private Supplier<ProviderCapture> captures;

        FakeProvider(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public ProviderCharge charge(String idempotencyKey, String customerId, Money amount, String reference) {
            calls.add("charge " + idempotencyKey + " " + customerId + " " + amount + " " + reference);
            return charges.get();
        }

        @Override
        public ProviderRefund refund(String idempotencyKey, String chargeIdempotencyKey) {
            calls.add("refund " + idempotencyKey + " " + chargeIdempotencyKey);
            return refunds.get();
        }

        @Override
        public ProviderCapture captureUnder(String chargeIdempotencyKey) {
            calls.add("lookup " + chargeIdempotencyKey);
            return captures.get();
        }
    }

    /** The marker table as a set; marking is recorded among the provider's calls, to show it comes first. */
    private static final class FakeMarkers implements ChargeAttemptMarkers {

        private final List<String> calls;
        private final Set<UUID> marked = new HashSet<>();

        FakeMarkers(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public void markBeforeProviderCall(UUID orderId) {
            calls.add("mark " + orderId);
            marked.add(orderId);
        }
    }
}
