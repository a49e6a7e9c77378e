package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A producer that sends the same order twice (a retry, a redelivery) still gets one order and one charge. */
class DuplicateOrderIT extends EndToEndTest {

    private static final long BALANCE = 50_000;
    private static final int QUANTITY = 2;
    private static final long UNIT_PRICE = 1_500;
    private static final long TOTAL = QUANTITY * UNIT_PRICE;
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(3);

    @Test
    void sameOrderSentTwiceBackToBackIsPlacedAndChargedOnce() {
        String sku = newProduct(100);
        String customerId = newCustomer(BALANCE);

        try (TopicWatcher events = watch(ORDER_EVENTS)) {
            String orderId = placeOrder(customerId, Line.of(sku, QUANTITY, UNIT_PRICE));
            publishPlaceOrder(orderId, placeOrderJson(orderId, customerId, Line.of(sku, QUANTITY, UNIT_PRICE)));

            awaitOrderStatus(orderId, "APPROVED");
            assertNothingMoreHappens(events, sku, customerId, orderId);
        }
        invariants.assertHoldWithoutResends();
    }

    @Test
    void sameOrderSentAgainAfterApprovalChangesNothing() {
        String sku = newProduct(100);
        String customerId = newCustomer(BALANCE);

        try (TopicWatcher events = watch(ORDER_EVENTS)) {
            String orderId = placeOrder(customerId, Line.of(sku, QUANTITY, UNIT_PRICE));
            awaitOrderStatus(orderId, "APPROVED");

            publishPlaceOrder(orderId, placeOrderJson(orderId, customerId, Line.of(sku, QUANTITY, UNIT_PRICE)));

            assertNothingMoreHappens(events, sku, customerId, orderId);
        }
        invariants.assertHoldWithoutResends();
    }

    /** For a while: charged once, sold once, one OrderPlaced and one OrderApproved, still APPROVED. */
    private static void assertNothingMoreHappens(TopicWatcher events, String sku, String customerId, String orderId) {
        await("one charge, one sale and one set of events for " + orderId)
                .during(QUIET_PERIOD)
                .atMost(QUIET_PERIOD.plus(SAGA_TIMEOUT))
                .pollInSameThread()
                .untilAsserted(() -> {
                    assertThat(account(customerId).balance()).isEqualTo(new Views.Money(BALANCE - TOTAL, "EUR"));
                    assertThat(product(sku).sold()).isEqualTo(QUANTITY);
                    assertThat(events.recordsMatching(TopicWatcher.keyAndType(orderId, "OrderPlaced"))).hasSize(1);
                    assertThat(events.recordsMatching(TopicWatcher.keyAndType(orderId, "OrderApproved"))).hasSize(1);
                    assertThat(Json.read(getOrder(orderId).body(), Views.Order.class).status()).isEqualTo("APPROVED");
                });
    }
}
