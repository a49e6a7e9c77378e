package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An order the stock cannot cover is rejected, says which SKU was short, and moves no stock at all. */
class InventoryShortageIT extends FailurePathTest {

    @Test
    void orderForMoreThanTheStockIsRejectedNamingTheShortSkuAndMovesNothing() {
        String plentiful = newProduct(50);
        String scarce = newProduct(2);
        String customerId = newCustomer(100_000);

        String orderId = placeOrder(customerId, Line.of(plentiful, 1, UNIT_PRICE), Line.of(scarce, 3, UNIT_PRICE));

        Views.Order rejected = awaitOrderStatus(orderId, "REJECTED");
        assertThat(rejected.rejectionReason())
                .contains("insufficient stock")
                .contains(scarce + " (requested 3, available 2)")
                .doesNotContain(plentiful);
        invariants.assertHoldWithoutResends();
        assertThat(payment(orderId)).as("no payment attempt").isNull();
    }
}
