package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's fix-and-replay: the provider rejects payment-service's calls with a 422 (a cause no retry
 * removes, say a misconfigured merchant account), so the ChargePayment is dead-lettered. The operator
 * previews the replay, removes the cause, replays, and the saga completes. Replaying again changes nothing.
 */
class OperatorReplayIT extends FailurePathTest {

    private static final String PAYMENT_DLT = "payment.commands-dlt";

    @Test
    void deadLetteredChargeReplayedAfterTheFixCompletesTheSagaOnce() {
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        providerBehaviour(Map.of("failureRate", 1.0, "failureStatus", 422));

        String orderId;
        try (TopicWatcher deadLetters = watch(PAYMENT_DLT)) {
            orderId = placeOrder(customerId, Line.of(sku, 2, UNIT_PRICE));
            deadLetters.awaitRecord("the dead-lettered ChargePayment", TopicWatcher.keyAndType(orderId, "ChargePayment"));
        }

        Ops.Result preview = Ops.run("dlt", "replay", "--topic", PAYMENT_DLT, "--order-id", orderId, "--dry-run");
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.out()).contains("1 would be replayed").contains("payment.commands");
        assertThat(payment(orderId)).as("a dry run sends nothing").isNull();

        providerBehaviour(Map.of());
        Ops.Result replay = Ops.run("dlt", "replay", "--topic", PAYMENT_DLT, "--order-id", orderId);

        assertThat(replay.exitCode()).as(replay.toString()).isZero();
        assertThat(replay.out()).contains("1 replayed, 0 skipped (already replayed), 0 failed");
        awaitOrderStatus(orderId, "APPROVED");
        invariants.assertHold();
        assertThat(saga(orderId).history())
                .as("the replay, not a deadline re-send, delivered the charge")
                .filteredOn(entry -> "COMMAND_SENT".equals(entry.type()) && "ChargePayment".equals(entry.messageType()))
                .hasSize(1);

        Ops.Result again = Ops.run("dlt", "replay", "--topic", PAYMENT_DLT, "--order-id", orderId);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("0 replayed, 1 skipped (already replayed), 0 failed");

        Ops.Result forced = Ops.run("dlt", "replay", "--topic", PAYMENT_DLT, "--order-id", orderId, "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("1 replayed");
        await("the forced replay to have been handled, and to have changed nothing")
                .during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(account(customerId).balance().amount())
                        .isEqualTo(100_000 - 2 * UNIT_PRICE));
        invariants.assertHold();

        Ops.Result audit = Ops.run("dlt", "audit", "--topic", PAYMENT_DLT, "--json");
        assertThat(audit.exitCode()).as(audit.toString()).isZero();
        assertThat(audit.out()).contains(Ops.OPERATOR).contains("REPLAYED");
    }
}
