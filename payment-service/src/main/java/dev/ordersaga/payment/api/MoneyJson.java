package dev.ordersaga.payment.api;

import dev.ordersaga.payment.money.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** Money in the HTTP API: an integer amount in minor units and an ISO-4217 code, as in the messages. */
public record MoneyJson(
        @NotNull @PositiveOrZero Long amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency) {

    public static MoneyJson of(Money money) {
        return new MoneyJson(money.amount(), money.currency());
    }

    /** Only for a validated value. */
    public Money toMoney() {
        return Money.of(amount, currency);
    }
}
