package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.localstack.LocalStack;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * payment-service dies with SIGKILL while it charges: its transaction never commits, the ChargePayment is
 * read again after the restart, and the provider's idempotency key turns a second capture into a replay.
 */
class ParticipantCrashIT extends FailurePathTest {

    @Test
    void paymentServiceKilledMidChargeFinishesTheSagaWithOneCharge() {
        LocalStack stack = localStack();
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        // Slow captures (below the 2 s time limit) keep the charge in flight long enough to kill the service in it.
        providerBehaviour(Map.of("latencyMs", 1_000));

        String orderId = placeOrder(customerId, Line.of(sku, 3, UNIT_PRICE));
        awaitSagaAt(orderId, "charge-payment");
        stack.killService("payment-service");
        providerBehaviour(Map.of());
        stack.startService("payment-service");

        awaitOrderStatus(orderId, "APPROVED");
        invariants.assertHold();
        assertThat(payment(orderId).status()).isEqualTo("CHARGED");
    }
}
