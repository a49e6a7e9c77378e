package dev.ordersaga.payment.money;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A non-negative amount in minor units (cents for EUR) of an ISO-4217 currency. Never a double. Arithmetic
 * refuses to mix currencies and to go below zero: a balance or a payment is never negative here.
 */
@Embeddable
public class Money {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    @Column(name = "amount", nullable = false)
    private long amount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "currency", length = 3, nullable = false)
    private String currency;

    protected Money() {
    }

    private Money(long amount, String currency) {
        if (amount < 0) {
            throw new IllegalArgumentException("An amount of money is never negative: " + amount);
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("Not an ISO-4217 currency code: " + currency);
        }
        this.amount = amount;
        this.currency = currency;
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public static Money from(dev.ordersaga.schema.Money money) {
        Objects.requireNonNull(money, "money");
        return new Money(money.amount(), money.currency());
    }

    public dev.ordersaga.schema.Money toMessage() {
        return new dev.ordersaga.schema.Money(amount, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    /** @throws IllegalArgumentException when the result would be negative */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount - other.amount, currency);
    }

    public boolean isLessThan(Money other) {
        requireSameCurrency(other);
        return amount < other.amount;
    }

    public boolean hasCurrency(String currency) {
        return this.currency.equals(currency);
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(this, other);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && amount == money.amount && currency.equals(money.currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    /** Minor units and currency, e.g. {@code 1250 EUR}: no rounding, no locale. */
    @Override
    public String toString() {
        return amount + " " + currency;
    }
}
