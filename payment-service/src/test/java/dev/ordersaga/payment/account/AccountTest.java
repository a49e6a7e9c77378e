package dev.ordersaga.payment.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.payment.money.CurrencyMismatchException;
import dev.ordersaga.payment.money.Money;
import org.junit.jupiter.api.Test;

class AccountTest {

    private final Account account = new Account("c-1", Money.of(1000, "EUR"), null);

    @Test
    void debitAndCreditMoveTheBalance() {
        account.debit(Money.of(300, "EUR"));
        account.credit(Money.of(100, "EUR"));

        assertThat(account.getBalance()).isEqualTo(Money.of(800, "EUR"));
    }

    @Test
    void coversUpToItsBalanceInItsOwnCurrencyOnly() {
        assertThat(account.covers(Money.of(1000, "EUR"))).isTrue();
        assertThat(account.covers(Money.of(1001, "EUR"))).isFalse();
        assertThat(account.covers(Money.of(1, "USD"))).isFalse();
    }

    @Test
    void refusesAnOverdraftAndAnotherCurrencyWithoutChangingTheBalance() {
        assertThatThrownBy(() -> account.debit(Money.of(1001, "EUR"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> account.debit(Money.of(1, "USD"))).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> account.credit(Money.of(1, "USD"))).isInstanceOf(CurrencyMismatchException.class);

        assertThat(account.getBalance()).isEqualTo(Money.of(1000, "EUR"));
    }
}
