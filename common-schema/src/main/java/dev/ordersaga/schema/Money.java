package dev.ordersaga.schema;

/**
 * An amount of money in minor units (cents for EUR) of an ISO-4217 currency. Never a double.
 *
 * @param amount   amount in minor units
 * @param currency ISO-4217 code, e.g. {@code EUR}
 */
public record Money(long amount, String currency) {

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }
}
