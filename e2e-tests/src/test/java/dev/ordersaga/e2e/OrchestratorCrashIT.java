package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.localstack.LocalStack;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator itself dies with SIGKILL mid-saga. Nothing of a saga lives in its memory: the instance, its
 * deadline and its outgoing commands are rows, the replies wait in Kafka. After the restart the saga in flight
 * and one placed while the orchestrator was down both complete, each once.
 */
class OrchestratorCrashIT extends FailurePathTest {

    @Test
    void orchestratorKilledMidSagaFinishesItAndTheOrderPlacedWhileDown() {
        LocalStack stack = localStack();
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        // Slow captures keep the saga waiting at charge-payment while the orchestrator is killed.
        providerBehaviour(Map.of("latencyMs", 1_000));

        String inFlight = placeOrder(customerId, Line.of(sku, 2, UNIT_PRICE));
        awaitSagaAt(inFlight, "charge-payment");
        stack.killService("saga-orchestrator");
        String placedWhileDown = placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE));
        stack.startService("saga-orchestrator");

        awaitOrderStatus(inFlight, "APPROVED");
        awaitOrderStatus(placedWhileDown, "APPROVED");
        invariants.assertHold();
        assertThat(saga(inFlight).history())
                .as("one charge command, whatever was re-sent or re-read")
                .filteredOn(entry -> "REPLY_RECEIVED".equals(entry.type()) && "PaymentCharged".equals(entry.messageType()))
                .hasSize(1);
    }
}
