package dev.ordersaga.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.payment.account.Account;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.payment.provider.PaymentProvider;
import dev.ordersaga.payment.provider.ProviderCharge;
import dev.ordersaga.payment.provider.ProviderRefund;
import dev.ordersaga.payment.provider.ProviderUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AccountChargerTest {

    private static final BooleanSupplier NO_DOUBT = () -> false;
    private static final BooleanSupplier IN_DOUBT = () -> true;

    private final FakeProvider provider = new FakeProvider();
    private final AccountCharger charger = new AccountCharger(provider);
    private final Account account = new Account("c-1", Money.of(1000, "EUR"), "tok");
    private final UUID orderId = UUID.randomUUID();

    @Test
    void approvesWhatTheProviderCapturesAndDebitsIt() {
        provider.charges = () -> new ProviderCharge.Captured("ch_1");

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), Money.of(1000, "EUR"), NO_DOUBT);

        assertThat(decision).isEqualTo(ChargeDecision.approve("ch_1"));
        assertThat(account.getBalance()).isEqualTo(Money.zero("EUR"));
        assertThat(provider.calls).containsExactly("charge charge-" + orderId + " c-1 1000 EUR " + orderId);
    }

    @Test
    void declinesWithTheProvidersReasonWithoutDebiting() {
        provider.charges = () -> new ProviderCharge.Declined("card declined");

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), Money.of(1, "EUR"), NO_DOUBT);

        assertThat(decision).isEqualTo(ChargeDecision.decline("card declined"));
        assertThat(account.getBalance()).isEqualTo(Money.of(1000, "EUR"));
    }

    @Test
    void anUnreachableProviderChangesNothing() {
        provider.charges = () -> {
            throw new ProviderUnavailableException("circuit breaker paymentProvider is open", null);
        };

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), Money.of(1, "EUR"), NO_DOUBT);

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.UNAVAILABLE);
        assertThat(decision.reason()).contains("circuit breaker paymentProvider is open");
        assertThat(account.getBalance()).isEqualTo(Money.of(1000, "EUR"));
    }

    @Test
    void declinesAnUnknownAccountWithoutAskingTheProvider() {
        ChargeDecision decision = charger.charge(orderId, "c-404", Optional.empty(), Money.of(1, "EUR"), NO_DOUBT);

        assertThat(decision).isEqualTo(ChargeDecision.decline("unknown account c-404"));
        assertThat(provider.calls).isEmpty();
    }

    @Test
    void declinesAnotherCurrencyWithoutAskingTheProvider() {
        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), Money.of(1, "USD"), NO_DOUBT);

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.DECLINED);
        assertThat(decision.reason()).startsWith("currency mismatch").contains("EUR", "USD");
        assertThat(account.getBalance()).isEqualTo(Money.of(1000, "EUR"));
        assertThat(provider.calls).isEmpty();
    }

    @Test
    void declinesInsufficientFundsWithoutAskingTheProvider() {
        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), Money.of(1001, "EUR"), NO_DOUBT);

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.DECLINED);
        assertThat(decision.reason()).startsWith("insufficient funds").contains("1000 EUR", "1001 EUR");
        assertThat(account.getBalance()).isEqualTo(Money.of(1000, "EUR"));
        assertThat(provider.calls).isEmpty();
    }

    @Test
    void anOrdinaryChargeNeverLooksForAnEarlierUnansweredAttempt() {
        provider.charges = () -> new ProviderCharge.Captured("ch_1");

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), Money.of(1, "EUR"), () -> {
            throw new AssertionError("looked up although the charge was not refused here");
        });

        assertThat(decision).isEqualTo(ChargeDecision.approve("ch_1"));
    }

    @Test
    void aLocalDeclineAfterAnUnansweredAttemptRefundsTheLostCaptureFirst() {
        provider.refunds = () -> new ProviderRefund.Refunded("re_1");

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), Money.of(1001, "EUR"),
                IN_DOUBT);

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.DECLINED);
        assertThat(decision.reason()).startsWith("insufficient funds");
        assertThat(provider.calls).containsExactly("refund refund-" + orderId + " charge-" + orderId);
        assertThat(account.getBalance()).isEqualTo(Money.of(1000, "EUR"));
    }

    @Test
    void aLocalDeclineAfterAnUnansweredAttemptThatCapturedNothingDeclines() {
        provider.refunds = ProviderRefund.NothingCaptured::new;

        ChargeDecision decision = charger.charge(orderId, "c-404", Optional.empty(), Money.of(1, "EUR"), IN_DOUBT);

        assertThat(decision).isEqualTo(ChargeDecision.decline("unknown account c-404"));
        assertThat(provider.calls).containsExactly("refund refund-" + orderId + " charge-" + orderId);
    }

    @Test
    void aLocalDeclineAfterAnUnansweredAttemptWaitsWhileTheProviderCannotBeReached() {
        provider.refunds = () -> {
            throw new ProviderUnavailableException("HTTP 503 (after 3 attempts)", null);
        };

        ChargeDecision decision = charger.charge(orderId, "c-1", Optional.of(account), Money.of(1, "USD"), IN_DOUBT);

        assertThat(decision.outcome()).isEqualTo(ChargeDecision.Outcome.UNAVAILABLE);
        assertThat(decision.reason()).contains("HTTP 503");
        assertThat(provider.calls).containsExactly("refund refund-" + orderId + " charge-" + orderId);
        assertThat(account.getBalance()).isEqualTo(Money.of(1000, "EUR"));
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
        assertThat(provider.calls).containsOnly("refund refund-" + orderId + " charge-" + orderId);
    }

    /** Answers as told and remembers what it was asked. */
    private static final class FakeProvider implements PaymentProvider {

        private final List<String> calls = new ArrayList<>();
        private Supplier<ProviderCharge> charges;
        private Supplier<ProviderRefund> refunds;

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
    }
}
