package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A producer's cancel is accepted at any point of the saga and undoes exactly what happened so far; once
 * the order is approved it is refused, and the order stays as it was.
 */
class CancellationIT extends FailurePathTest {

    @Test
    void cancelRightAfterPlacingReleasesTheReservationAndNeverCharges() {
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);

        String orderId = placeOrder(customerId, Line.of(sku, 2, UNIT_PRICE));
        // Same key and topic as the PlaceOrder: order-service handles it right after the placement.
        publishCancelOrder(orderId, "changed my mind");

        Views.Order cancelled = awaitOrderStatus(orderId, "CANCELLED");
        assertThat(Json.tree(getOrder(orderId).body()).path("cancellationReason").asText()).isEqualTo("changed my mind");
        invariants.assertHoldWithoutResends();
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(payment(orderId)).as("no charge was ever attempted").isNull();
        assertThat(saga(orderId).messageTypes()).doesNotContain("ChargePayment", "RefundPayment");
    }

    /**
     * The provider is slow (1 s, below payment-service's 2 s time limit), so the cancel lands while the charge
     * is under way: the charge completes and is refunded after it.
     */
    @Test
    void cancelOverRestWhileTheChargeIsUnderWayRefundsItAndReleasesTheStock() {
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        providerBehaviour(Map.of("latencyMs", 1_000));

        String orderId = placeOrder(customerId, Line.of(sku, 2, UNIT_PRICE));
        awaitSagaAt(orderId, "charge-payment");
        Http.Response accepted = cancelOverRest(orderId, "found it cheaper");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(Json.tree(accepted.body()).path("status").asText()).isEqualTo("CANCELLING");
        awaitOrderStatus(orderId, "CANCELLED");
        invariants.assertHoldWithoutResends();
        assertThat(payment(orderId).status()).isEqualTo("REFUNDED");
        assertThat(saga(orderId).messageTypes()).containsSubsequence(
                "OrderCancellationRequested", "RefundPayment", "ReleaseInventory", "RejectOrder", "OrderCancelled");
    }

    @Test
    void cancelOfAnApprovedOrderIsRefusedOnKafkaAndOverRest() {
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        String orderId = placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE));
        awaitOrderStatus(orderId, "APPROVED");

        try (TopicWatcher events = watch(ORDER_EVENTS)) {
            publishCancelOrder(orderId, "too late");

            ConsumerRecord<String, String> refusal = events.awaitRecord("the refusal of the cancel",
                    TopicWatcher.keyAndType(orderId, "OrderRequestRejected"));
            JsonNode body = Json.tree(refusal.value());
            assertThat(body.path("requestType").asText()).isEqualTo("CancelOrder");
            assertThat(body.path("violations").get(0).path("message").asText())
                    .contains("APPROVED and can no longer be cancelled");
        }
        Http.Response refused = cancelOverRest(orderId, "too late");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Json.tree(refused.body()).path("detail").asText()).contains("APPROVED");

        invariants.assertHoldWithoutResends();
        assertThat(awaitOrderStatus(orderId, "APPROVED").status()).isEqualTo("APPROVED");
    }
}
