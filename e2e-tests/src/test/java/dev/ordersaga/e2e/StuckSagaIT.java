package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordersaga.localstack.LocalStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * inventory-service is down. The saga re-sends ReserveInventory under the same message id on each deadline,
 * then compensates; an operator finds the stuck sagas with the CLI and forces one to compensate at once.
 * When inventory-service returns it applies the stale reservations and their releases, in order, and every
 * service ends consistent.
 */
class StuckSagaIT extends FailurePathTest {

    @Test
    void stuckSagasAreFoundAndCompensatedByTheOperatorOrByTheirDeadline() {
        LocalStack stack = localStack();
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        stack.stopService("inventory-service");
        try {
            String forced = placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE));
            String timedOut = placeOrder(customerId, Line.of(sku, 2, UNIT_PRICE));

            await("both sagas to be listed as stuck").atMost(SAGA_TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        Ops.Result stuck = Ops.run("saga", "list", "--stuck", "--state", "RUNNING");
                        assertThat(stuck.exitCode()).as(stuck.toString()).isZero();
                        assertThat(stuck.out()).contains(forced).contains(timedOut);
                    });

            Ops.Result compensate = Ops.run("saga", "compensate", forced, "--reason", "inventory-service is down");
            assertThat(compensate.exitCode()).as(compensate.toString()).isZero();
            assertThat(compensate.out()).contains("COMPENSATING");
            Ops.Result again = Ops.run("saga", "compensate", forced, "--reason", "inventory-service is down");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("ALREADY_COMPENSATING");

            await("the other saga to give up on its own deadline").atMost(SAGA_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> sagaIfStarted(timedOut).path("state").asText(), "COMPENSATING"::equals);
            assertThat(reserveInventorySends(timedOut)).as("re-sent under one message id").hasSizeGreaterThan(1)
                    .containsOnly(reserveInventorySends(timedOut).get(0));
        } finally {
            stack.startService("inventory-service");
        }

        invariants.assertHold().values().forEach(status -> assertThat(status).isEqualTo("REJECTED"));
        Ops.Result shown = Ops.run("saga", "show", invariants.orderIds().get(0));
        assertThat(shown.out()).contains(Ops.OPERATOR).contains("inventory-service is down");
        Ops.Result retryEnded = Ops.run("saga", "retry", invariants.orderIds().get(0), "--reason", "too late");
        assertThat(retryEnded.exitCode()).as("a finished saga cannot be retried: %s", retryEnded).isEqualTo(4);
    }

    private static List<String> reserveInventorySends(String orderId) {
        return saga(orderId).history().stream()
                .filter(entry -> "ReserveInventory".equals(entry.messageType()))
                .filter(entry -> "COMMAND_SENT".equals(entry.type()) || entry.type().contains("RESENT"))
                .map(Views.SagaHistoryEntry::messageId)
                .toList();
    }
}
