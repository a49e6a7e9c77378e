package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.localstack.LocalStack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the failure-path scenarios: they inject faults (at the payment provider, or by stopping and killing
 * services), and the payment provider is put back to normal after each scenario, whatever it injected.
 */
abstract class FailurePathTest extends EndToEndTest {

    static final long UNIT_PRICE = 1_000;

    @AfterEach
    void restoreProvider() {
        providerBehaviour(Map.of());
    }

    static void publishCancelOrder(String orderId, String reason) {
        producer.publish(ORDER_REQUESTS, orderId, Json.write(Map.of("orderId", orderId, "reason", reason)), Map.of(
                "message-id", UUID.randomUUID().toString(),
                "message-type", "CancelOrder",
                "schema-version", "1",
                "correlation-id", orderId));
    }

    static Http.Response cancelOverRest(String orderId, String reason) {
        return Http.post(system.orderService().resolve("/orders/" + orderId + "/cancel"),
                Json.write(Map.of("reason", reason)));
    }

    /**
     * Sets the simulated provider's behaviour; unnamed settings take their normal values (no latency, no
     * failures, no declines).
     */
    static void providerBehaviour(Map<String, Object> settings) {
        Map<String, Object> behaviour = new LinkedHashMap<>();
        behaviour.put("latencyMs", 0);
        behaviour.put("failureRate", 0.0);
        behaviour.put("failureStatus", 503);
        behaviour.put("timeoutRate", 0.0);
        behaviour.put("timeoutMs", 5000);
        behaviour.put("declineCustomers", List.of());
        behaviour.putAll(settings);
        Http.Response response = Http.put(system.paymentProvider().resolve("/admin/behaviour"), Json.write(behaviour));
        assertThat(response.status()).as("PUT /admin/behaviour: %s", response.body()).isBetween(200, 299);
    }

    /** Waits until the order's saga is RUNNING at {@code step}, i.e. it sent that step's command. */
    static void awaitSagaAt(String orderId, String step) {
        await("saga " + orderId + " to be at " + step).atMost(SAGA_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> sagaIfStarted(orderId), saga -> saga != null && step.equals(saga.path("currentStepName")
                        .asText()) && "RUNNING".equals(saga.path("state").asText()));
    }

    /** Waits until the payment provider shows a capture for the order: the money is taken, whatever follows. */
    static void awaitCaptureAtProvider(String orderId) {
        await("the provider to capture the charge of " + orderId).atMost(SAGA_TIMEOUT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> providerCharges(orderId), charges -> !charges.isEmpty());
    }

    /** The saga as JSON, or null before the orchestrator has started it. */
    static JsonNode sagaIfStarted(String orderId) {
        Http.Response response = Http.get(system.sagaOrchestrator().resolve("/sagas/" + orderId));
        return response.status() == 200 ? Json.tree(response.body()) : null;
    }

    /** The embedded stack, for scenarios that stop or kill services; skipped against an external system. */
    static LocalStack localStack() {
        assumeTrue(system.localStack() != null, "needs the embedded local stack to stop and start services");
        return system.localStack();
    }
}
