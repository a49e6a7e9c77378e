package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.localstack.LocalStack;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator itself dies with SIGKILL mid-saga, while the charge is under way: the provider has captured and
 * payment-service has not answered yet. Nothing of a saga lives in the orchestrator's memory: the instance, its
 * deadline and its outgoing commands are rows, the replies wait in Kafka. After the restart the saga in flight and
 * one placed while the orchestrator was down both complete, each once.
 */
class OrchestratorCrashIT extends FailurePathTest {

    private static final String ORCHESTRATOR = "saga-orchestrator";

    @Test
    void orchestratorKilledMidSagaFinishesItAndTheOrderPlacedWhileDown() {
        LocalStack stack = localStack();
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        // The provider captures at once and answers a second later (below payment-service's 2 s time limit): the
        // saga waits at charge-payment with the money already captured while the orchestrator is killed.
        providerBehaviour(Map.of("answerDelayMs", 1_000));

        String inFlight = placeOrder(customerId, Line.of(sku, 2, UNIT_PRICE));
        awaitSagaAt(inFlight, "charge-payment");
        awaitCaptureAtProvider(inFlight);
        stack.killService(ORCHESTRATOR);
        Instant killedAt = Instant.now();
        String placedWhileDown;
        try {
            placedWhileDown = placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE));
        } finally {
            stack.startService(ORCHESTRATOR);
        }

        awaitOrderStatus(inFlight, "APPROVED");
        awaitOrderStatus(placedWhileDown, "APPROVED");
        invariants.assertHold();
        assertThat(saga(inFlight).history())
                .as("one charge reply, heard only after the restart, whatever was re-sent or re-read")
                .filteredOn(entry -> "REPLY_RECEIVED".equals(entry.type()) && "PaymentCharged".equals(entry.messageType()))
                .singleElement()
                .satisfies(reply -> assertThat(Instant.parse(reply.at())).isAfter(killedAt));
    }
}
