package dev.ordersaga.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.payment.account.Account;
import dev.ordersaga.payment.money.Money;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountChargerTest {

    private final AccountCharger charger = new AccountCharger();
    private final Account account = new Account("c-1", Money.of(1000, "EUR"), "tok");

    @Test
    void approvesWhatTheBalanceCoversAndDebitsIt() {
        ChargeDecision decision = charger.charge("c-1", Optional.of(account), Money.of(1000, "EUR"));

        assertThat(decision.approved()).isTrue();
        assertThat(decision.declineReason()).isNull();
        assertThat(account.getBalance()).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void declinesAnUnknownAccount() {
        ChargeDecision decision = charger.charge("c-404", Optional.empty(), Money.of(1, "EUR"));

        assertThat(decision.approved()).isFalse();
        assertThat(decision.declineReason()).isEqualTo("unknown account c-404");
    }

    @Test
    void declinesAnotherCurrencyWithoutDebiting() {
        ChargeDecision decision = charger.charge("c-1", Optional.of(account), Money.of(1, "USD"));

        assertThat(decision.approved()).isFalse();
        assertThat(decision.declineReason()).startsWith("currency mismatch").contains("EUR", "USD");
        assertThat(account.getBalance()).isEqualTo(Money.of(1000, "EUR"));
    }

    @Test
    void declinesInsufficientFundsWithoutDebiting() {
        ChargeDecision decision = charger.charge("c-1", Optional.of(account), Money.of(1001, "EUR"));

        assertThat(decision.approved()).isFalse();
        assertThat(decision.declineReason()).startsWith("insufficient funds").contains("1000 EUR", "1001 EUR");
        assertThat(account.getBalance()).isEqualTo(Money.of(1000, "EUR"));
    }
}
