package dev.ordersaga.payment.money;

/** Two amounts of different currencies met in one operation; there is no exchange rate here. */
public class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(Money left, Money right) {
        super("Cannot combine " + left + " and " + right + ": different currencies");
    }
}
