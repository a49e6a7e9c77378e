package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The provider fails every call, long enough for payment-service's circuit to open. Sagas hear that the
 * failure is transient and retry the charge within their step's budget (2 minutes); the provider recovers well
 * inside it, so every order completes, charged once.
 */
class ProviderOutageIT extends FailurePathTest {

    private static final int ORDERS = 6;

    @Test
    void openCircuitMakesSagasRetryAndEveryOrderCompletesOnceTheProviderRecovers() {
        String sku = newProduct(100);
        List<String> customers = IntStream.range(0, ORDERS).mapToObj(i -> newCustomer(100_000)).toList();
        providerBehaviour(Map.of("failureRate", 1.0, "failureStatus", 503));

        List<String> orders = customers.stream().map(customerId -> placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE)))
                .toList();

        await("payment-service's circuit to open").atMost(SAGA_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> circuitState("paymentProvider"), "OPEN"::equals);
        await("a saga to hear that payment is unavailable").atMost(SAGA_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> orders.stream().anyMatch(orderId -> saga(orderId).messageTypes().contains("PaymentUnavailable")));

        providerBehaviour(Map.of());

        Map<String, String> outcomes = invariants.assertHold();
        assertThat(outcomes.values()).as("every order retried through the outage").containsOnly("APPROVED");
        String afterRecovery = placeOrder(customers.get(0), Line.of(sku, 1, UNIT_PRICE));
        assertThat(awaitOrderStatus(afterRecovery, "APPROVED").status()).isEqualTo("APPROVED");
        invariants.assertHold();
    }

    private static String circuitState(String name) {
        Http.Response response = Http.get(system.paymentService().resolve("/actuator/circuitbreakers"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode breaker = Json.tree(response.body()).path("circuitBreakers").path(name);
        return breaker.path("state").asText();
    }
}
