package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One order from a plain Kafka producer through the whole saga, and what it leaves in every service. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HappyPathIT extends EndToEndTest {

    private static final long STOCK = 100;
    private static final long BALANCE = 10_000;
    private static final int QUANTITY = 3;
    private static final long UNIT_PRICE = 250;
    private static final long TOTAL = QUANTITY * UNIT_PRICE;

    private String sku;
    private String customerId;
    private String orderId;
    private Views.Order approved;

    @BeforeAll
    void placeOneOrder() {
        sku = newProduct(STOCK);
        customerId = newCustomer(BALANCE);

        orderId = placeOrder(customerId, Line.of(sku, QUANTITY, UNIT_PRICE));

        approved = awaitOrderStatus(orderId, "APPROVED");
    }

    @Test
    void approvedOrderShowsItsLinesAndTotal() {
        assertThat(approved.customerId()).isEqualTo(customerId);
        assertThat(approved.currency()).isEqualTo("EUR");
        assertThat(approved.total()).isEqualTo(new Views.Money(TOTAL, "EUR"));
        assertThat(approved.lines()).containsExactly(new Views.OrderLine(sku, QUANTITY, new Views.Money(UNIT_PRICE, "EUR")));
    }

    @Test
    void orderedQuantityMovesFromAvailableToSold() {
        await("the reservation of " + sku + " to be confirmed").atMost(SAGA_TIMEOUT).untilAsserted(() ->
                assertThat(product(sku)).satisfies(product -> {
                    assertThat(product.available()).isEqualTo(STOCK - QUANTITY);
                    assertThat(product.reserved()).isZero();
                    assertThat(product.sold()).isEqualTo(QUANTITY);
                }));
    }

    @Test
    void customerIsChargedExactlyTheTotal() {
        assertThat(account(customerId).balance()).isEqualTo(new Views.Money(BALANCE - TOTAL, "EUR"));
        assertThat(payment(orderId)).satisfies(payment -> {
            assertThat(payment.status()).isEqualTo("CHARGED");
            assertThat(payment.amount()).isEqualTo(new Views.Money(TOTAL, "EUR"));
        });
    }

    @Test
    void completedSagaHistoryShowsEachStepInOrder() {
        Views.Saga saga = await("saga " + orderId + " to complete").atMost(SAGA_TIMEOUT)
                .until(() -> saga(orderId), candidate -> "COMPLETED".equals(candidate.state()));

        assertThat(saga.orderId()).isEqualTo(orderId);
        assertThat(saga.messageTypes()).containsSubsequence(
                "ReserveInventory", "InventoryReserved", "ChargePayment", "PaymentCharged", "ApproveOrder", "OrderApproved");
    }

    @Test
    void everyServiceAndTheProviderAgreeAndNoStepWasRetried() {
        assertThat(invariants.assertHoldWithoutResends()).isEqualTo(Map.of(orderId, "APPROVED"));
    }
}
