package dev.ordersaga.payment.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private final Money tenEuros = Money.of(1000, "EUR");

    @Test
    void addsAndSubtractsInMinorUnits() {
        assertThat(tenEuros.plus(Money.of(250, "EUR"))).isEqualTo(Money.of(1250, "EUR"));
        assertThat(tenEuros.minus(Money.of(1000, "EUR"))).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void refusesToMixCurrencies() {
        Money dollars = Money.of(1000, "USD");

        assertThatThrownBy(() -> tenEuros.plus(dollars)).isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("1000 EUR").hasMessageContaining("1000 USD");
        assertThatThrownBy(() -> tenEuros.minus(dollars)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> tenEuros.isLessThan(dollars)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void neverGoesNegative() {
        assertThatThrownBy(() -> tenEuros.minus(Money.of(1001, "EUR"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnOverflowInsteadOfWrappingAround() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void acceptsOnlyIsoCurrencyCodes() {
        assertThatThrownBy(() -> Money.of(1, "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "EURO")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesWithinOneCurrency() {
        assertThat(Money.of(999, "EUR").isLessThan(tenEuros)).isTrue();
        assertThat(tenEuros.isLessThan(Money.of(1000, "EUR"))).isFalse();
        assertThat(tenEuros.hasCurrency("EUR")).isTrue();
        assertThat(tenEuros.hasCurrency("USD")).isFalse();
    }

    @Test
    void isAValue() {
        assertThat(Money.of(1000, "EUR")).isEqualTo(tenEuros).hasSameHashCodeAs(tenEuros);
        assertThat(Money.of(1000, "USD")).isNotEqualTo(tenEuros);
        assertThat(tenEuros).hasToString("1000 EUR");
    }

    @Test
    void convertsToAndFromTheMessageContract() {
        dev.ordersaga.schema.Money message = tenEuros.toMessage();

        assertThat(message).isEqualTo(new dev.ordersaga.schema.Money(1000, "EUR"));
        assertThat(Money.from(message)).isEqualTo(tenEuros);
        assertThatThrownBy(() -> Money.from(new dev.ordersaga.schema.Money(-5, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
