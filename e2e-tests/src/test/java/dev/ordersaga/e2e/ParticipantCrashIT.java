package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.localstack.LocalStack;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * payment-service dies with SIGKILL in the middle of a charge: the provider has captured, and the service has neither
 * recorded nor answered it. The ChargePayment is read again after the restart, and payment-service asks the provider
 * what became of the charge before it decides: if the balance still covers it, the existing capture is the charge;
 * if the balance changed meanwhile, the capture is refunded and the charge declined. Either way no money stays
 * captured for an order that did not go through.
 */
class ParticipantCrashIT extends FailurePathTest {

    private static final String PAYMENT_SERVICE = "payment-service";
    /**
     * The provider captures at once, then holds its answer this long: far beyond payment-service's 2 s time limit,
     * so the kill lands between the capture and any answer, whatever the machine's speed.
     */
    private static final long ANSWER_DELAY_MS = 10_000;

    private LocalStack stack;
    private String sku;
    private String customerId;
    private String orderId;

    @BeforeEach
    void placeAnOrderWhoseChargeIsHeldAtTheProvider() {
        stack = localStack();
        sku = newProduct(10);
        customerId = newCustomer(100_000);
        providerBehaviour(Map.of("answerDelayMs", ANSWER_DELAY_MS));
        orderId = placeOrder(customerId, Line.of(sku, 3, UNIT_PRICE));
    }

    @Test
    void killedAfterTheCaptureTheChargeEndsApprovedWithThatOneCapture() {
        killPaymentServiceOnceCaptured(() -> { });

        awaitOrderStatus(orderId, "APPROVED");
        invariants.assertHold();
        assertThat(payment(orderId).status()).isEqualTo("CHARGED");
        assertThat(providerCharges(orderId)).as("the capture made before the kill, and no other").singleElement()
                .satisfies(charge -> assertThat(charge.live()).isTrue());
        assertNoAnswerBeforeTheKill();
    }

    @Test
    void killedAfterTheCaptureWithTheBalanceDrainedTheCaptureIsRefundedAndTheOrderRejected() {
        // While the provider holds its answer the account is drained to less than the order's total: when the
        // ChargePayment is read again, the balance no longer covers the capture the provider holds.
        killPaymentServiceOnceCaptured(() -> {
            putAccount(customerId, UNIT_PRICE);
            invariants.customer(customerId, UNIT_PRICE);
        });

        Views.Order rejected = awaitOrderStatus(orderId, "REJECTED");
        assertThat(rejected.rejectionReason()).startsWith("payment declined").containsIgnoringCase("insufficient");
        assertThat(providerCharges(orderId)).as("the capture made before the kill, refunded").singleElement()
                .satisfies(charge -> assertThat(charge.status()).isEqualTo("refunded"));
        assertNoAnswerBeforeTheKill();

        String valid = placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE));
        awaitOrderStatus(valid, "APPROVED");
        invariants.assertHold();
    }

    /**
     * Waits until the provider shows the order's capture (its answer still held back), runs {@code beforeKill}, and
     * kills payment-service while it has recorded nothing of the charge; then puts the provider back to normal and
     * starts payment-service again, whatever happened in between.
     */
    private void killPaymentServiceOnceCaptured(Runnable beforeKill) {
        awaitCaptureAtProvider(orderId);
        try {
            beforeKill.run();
            assertThat(payment(orderId)).as("payment-service has recorded nothing of the charge yet").isNull();
            stack.killService(PAYMENT_SERVICE);
            providerBehaviour(Map.of());
        } finally {
            if (!stack.isRunning(PAYMENT_SERVICE)) {
                stack.startService(PAYMENT_SERVICE);
            }
        }
    }

    /** payment-service never answered the first delivery: no reply said it could not charge for now. */
    private void assertNoAnswerBeforeTheKill() {
        assertThat(saga(orderId).history()).as("the saga heard of the charge only after the restart")
                .filteredOn(entry -> "TRANSIENT_FAILURE".equals(entry.type()))
                .isEmpty();
    }
}
