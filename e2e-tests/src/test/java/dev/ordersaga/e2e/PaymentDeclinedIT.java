package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A declined payment releases the reservation before the order is rejected: stock returns exactly. */
class PaymentDeclinedIT extends FailurePathTest {

    @Test
    void insufficientBalanceReleasesTheStockAndRejectsTheOrder() {
        String sku = newProduct(10);
        String customerId = newCustomer(UNIT_PRICE);

        String orderId = placeOrder(customerId, Line.of(sku, 2, UNIT_PRICE));

        Views.Order rejected = awaitOrderStatus(orderId, "REJECTED");
        assertThat(rejected.rejectionReason()).startsWith("payment declined").containsIgnoringCase("insufficient");
        invariants.assertHoldWithoutResends();
        assertThat(saga(orderId).messageTypes()).containsSubsequence(
                "ReserveInventory", "InventoryReserved", "ChargePayment", "PaymentDeclined",
                "ReleaseInventory", "InventoryReleased", "RejectOrder", "OrderRejected");
    }

    @Test
    void providerDeclineReleasesTheStockAndRejectsTheOrder() {
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        providerBehaviour(Map.of("declineCustomers", List.of(customerId)));

        String orderId = placeOrder(customerId, Line.of(sku, 2, UNIT_PRICE));

        Views.Order rejected = awaitOrderStatus(orderId, "REJECTED");
        assertThat(rejected.rejectionReason()).startsWith("payment declined");
        invariants.assertHoldWithoutResends();
        assertThat(payment(orderId).status()).isEqualTo("DECLINED");
    }
}
