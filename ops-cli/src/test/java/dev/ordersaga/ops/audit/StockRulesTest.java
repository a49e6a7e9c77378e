package dev.ordersaga.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockRulesTest {

    @Test
    void countersThatMatchTheReservationsAreConsistent() {
        assertThat(StockRules.check(new ProductRow("SKU-1", 90, 7, 3, 7, 3))).isEmpty();
    }

    @Test
    void reservedMustEqualWhatReservedReservationsHold() {
        assertThat(StockRules.check(new ProductRow("SKU-1", 90, 12, 3, 10, 3)))
                .containsExactly(Finding.stock("SKU-1", "reserved 12, but RESERVED reservations hold 10"));
    }

    @Test
    void soldMustEqualWhatConfirmedReservationsHold() {
        assertThat(StockRules.check(new ProductRow("SKU-1", 90, 7, 5, 7, 3)))
                .containsExactly(Finding.stock("SKU-1", "sold 5, but CONFIRMED reservations hold 3"));
    }

    @Test
    void noCounterMayBeNegative() {
        assertThat(StockRules.check(new ProductRow("SKU-1", -1, 0, 0, 0, 0)))
                .containsExactly(Finding.stock("SKU-1", "available is negative: -1"));
    }
}
