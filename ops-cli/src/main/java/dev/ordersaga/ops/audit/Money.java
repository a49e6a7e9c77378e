package dev.ordersaga.ops.audit;

/** Amounts are integers in minor units of their currency; the audit prints them so, next to the currency. */
final class Money {

    private Money() {
    }

    static String format(long amount, String currency) {
        return amount + " " + currency;
    }
}
