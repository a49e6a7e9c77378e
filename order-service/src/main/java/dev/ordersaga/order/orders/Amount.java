package dev.ordersaga.order.orders;

import jakarta.persistence.Embeddable;
import java.util.Currency;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Money as stored: an amount in minor units of an ISO-4217 currency. Never a double.
 *
 * @param amount   minor units (cents for EUR), zero or more
 * @param currency ISO-4217 code; mapped to {@code char(3)}
 */
@Embeddable
public record Amount(long amount, @JdbcTypeCode(SqlTypes.CHAR) String currency) {

    public Amount {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency);
    }
}
