package dev.ordersaga.orchestrator.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.orchestrator.OrchestratorIntegrationTest;
import dev.ordersaga.orchestrator.saga.Direction;
import dev.ordersaga.orchestrator.saga.SagaCommand;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.InventoryReleased;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderCancellationRequested;
import dev.ordersaga.schema.order.OrderCancelled;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.RejectOrder;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentRefunded;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import dev.ordersaga.schema.payment.RefundPayment;
import dev.ordersaga.testkit.KafkaTestClient;
import dev.ordersaga.testkit.ReceivedRecord;
import dev.ordersaga.testkit.SharedKafkaTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The failure paths through Kafka as in production: passed deadlines (the poller), transient failures and
 * cancellation. The shared context runs with saga.max-attempts=2, the default 30 s step timeout and the
 * default 2 m transient retry budget; the tests move the clock past deadlines and budgets rather than wait
 * for them.
 */
class SagaFailurePathsIT extends OrchestratorIntegrationTest {

    private static final String CUSTOMER = "customer-8";
    private static final Money TOTAL = Money.of(3_000, "EUR");

    private final KafkaTestClient kafka =
            SharedKafkaTestClient.readingFrom(Topics.INVENTORY_COMMANDS, Topics.PAYMENT_COMMANDS, Topics.ORDER_COMMANDS);

    @Autowired
    MeterRegistry meters;

    @Test
    void aStepWithoutReplyIsResentUnderTheSameIdThenCompensated() throws Exception {
        double resentBefore = timeouts("reserve-inventory", "resent");
        double compensatedBefore = timeouts("reserve-inventory", "compensated");
        UUID orderId = UUID.randomUUID();
        UUID reserveId = SagaCommand.messageIdFor(orderId, "reserve-inventory", "ReserveInventory", Direction.FORWARD);
        kafka.send(orderPlaced(orderId));
        assertThat(kafka.awaitRecord(new ReserveInventory(orderId, lines())).messageId()).isEqualTo(reserveId);

        clock.advance(Duration.ofSeconds(31)); // past the 30 s reply timeout
        List<ReceivedRecord> reserves = awaitCommands(orderId, ReserveInventory.class, 2);
        assertThat(reserves).extracting(ReceivedRecord::messageId).containsExactly(reserveId, reserveId);
        JsonNode resent = awaitSaga(orderId, saga -> saga.path("attempts").asInt() == 2);
        // the second attempt waits twice as long
        assertThat(Instant.parse(resent.path("stepDeadline").asText()))
                .isBetween(clock.instant().plusSeconds(50), clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(61)); // attempts (2) exhausted: compensate from the step itself
        ReceivedRecord release = kafka.awaitRecord(new ReleaseInventory(orderId));
        assertThat(release.messageId()).isEqualTo(
                SagaCommand.messageIdFor(orderId, "reserve-inventory", "ReleaseInventory", Direction.COMPENSATION));
        kafka.send(new InventoryReleased(orderId));
        String reason = "step reserve-inventory got no reply after 2 attempts";
        ReceivedRecord reject = kafka.awaitRecord(new RejectOrder(orderId, reason));
        assertThat(reject.topic()).isEqualTo(Topics.ORDER_COMMANDS);
        kafka.send(new OrderRejected(orderId, reason));

        JsonNode saga = awaitSagaState(orderId, "COMPENSATED");
        assertThat(saga.path("failureReason").asText()).isEqualTo(reason);
        assertThat(commandTypes(orderId)).containsExactly(
                "ReserveInventory", "ReserveInventory", "ReleaseInventory", "RejectOrder");
        assertThat(historyOf(saga)).containsExactly(
                tuple("STARTED", "create-order", "OrderPlaced"),
                tuple("COMMAND_SENT", "reserve-inventory", "ReserveInventory"),
                tuple("DEADLINE_PASSED", "reserve-inventory", ""),
                tuple("COMMAND_RESENT", "reserve-inventory", "ReserveInventory"),
                tuple("DEADLINE_PASSED", "reserve-inventory", ""),
                tuple("STATE_CHANGED", "reserve-inventory", ""),
                tuple("COMMAND_SENT", "reserve-inventory", "ReleaseInventory"),
                tuple("REPLY_RECEIVED", "reserve-inventory", "InventoryReleased"),
                tuple("COMMAND_SENT", "create-order", "RejectOrder"),
                tuple("REPLY_RECEIVED", "create-order", "OrderRejected"),
                tuple("STATE_CHANGED", "create-order", ""));
        // other tests' sagas may time out along with this one while the clock is ahead
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(timeouts("reserve-inventory", "resent")).isGreaterThanOrEqualTo(resentBefore + 1);
            assertThat(timeouts("reserve-inventory", "compensated")).isGreaterThanOrEqualTo(compensatedBefore + 1);
        });
    }

    @Test
    void paymentUnavailableIsRetriedUnderNewMessageIdsWithinTheBudgetAndTheSagaCompletes() throws Exception {
        double retriedBefore = transientFailures("charge-payment", "retried");
        UUID orderId = UUID.randomUUID();
        kafka.send(orderPlaced(orderId));
        kafka.awaitRecord(new ReserveInventory(orderId, lines()));
        kafka.send(new InventoryReserved(orderId));
        ReceivedRecord firstCharge = kafka.awaitRecord(new ChargePayment(orderId, CUSTOMER, TOTAL));
        Instant chargeStarted = stepStartedAt(saga(orderId));

        // More transient failures than saga.max-attempts (2): they count no attempt, only the budget bounds them.
        List<UUID> unavailableIds = new ArrayList<>();
        for (int nextTry = 1; nextTry <= 3; nextTry++) {
            unavailableIds.add(kafka.send(new PaymentUnavailable(orderId, "circuit open")));
            // after saga.transient-retry-delay, backed off, the poller sends the next try
            ReceivedRecord retry = awaitCommands(orderId, ChargePayment.class, nextTry + 1).get(nextTry);
            assertThat(retry.message()).isEqualTo(new ChargePayment(orderId, CUSTOMER, TOTAL));
            assertThat(retry.messageId())
                    .isNotEqualTo(firstCharge.messageId())
                    .isEqualTo(SagaCommand.messageIdFor(orderId, "charge-payment", "ChargePayment", Direction.FORWARD,
                            nextTry));
            int expectedTry = nextTry;
            JsonNode retrying = awaitSaga(orderId, saga -> saga.path("commandTry").asInt() == expectedTry
                    && !saga.path("retryPending").asBoolean());
            assertThat(retrying.path("state").asText()).isEqualTo("RUNNING");
            assertThat(retrying.path("currentStepName").asText()).isEqualTo("charge-payment");
            assertThat(retrying.path("attempts").asInt()).isEqualTo(1);
            assertThat(stepStartedAt(retrying)).isEqualTo(chargeStarted);
        }
        // retried after transient failures: operators find it among the stuck sagas although attempts is 1
        assertThat(stuckRunningSagas()).contains(orderId.toString());

        kafka.send(new PaymentCharged(orderId, UUID.randomUUID(), TOTAL));
        kafka.awaitRecord(new ConfirmReservation(orderId));
        kafka.awaitRecord(new ApproveOrder(orderId));
        JsonNode approving = awaitSaga(orderId, saga -> "approve-order".equals(saga.path("currentStepName").asText()));
        assertThat(approving.path("attempts").asInt()).isEqualTo(1);
        assertThat(approving.path("commandTry").asInt()).isZero();
        assertThat(stepStartedAt(approving)).isAfter(chargeStarted);
        kafka.send(new OrderApproved(orderId, TOTAL));

        JsonNode saga = awaitSagaState(orderId, "COMPLETED");
        List<JsonNode> transientFailures = entries(saga, "TRANSIENT_FAILURE");
        assertThat(transientFailures).extracting(entry -> entry.path("messageId").asText())
                .containsExactlyElementsOf(unavailableIds.stream().map(UUID::toString).toList());
        assertThat(transientFailures).extracting(entry -> entry.path("detail").path("nextTry").asText())
                .containsExactly("1", "2", "3");
        assertThat(transientFailures.get(0).path("messageType").asText()).isEqualTo("PaymentUnavailable");
        assertThat(transientFailures.get(0).path("detail").path("reason").asText())
                .isEqualTo("payment unavailable: circuit open");
        assertThat(entries(saga, "COMMAND_RESENT")).extracting(entry -> entry.path("detail").path("try").asText())
                .containsExactly("1", "2", "3");
        assertThat(entries(saga, "DEADLINE_PASSED")).extracting(entry -> entry.path("detail").path("action").asText())
                .containsExactly("retry", "retry", "retry");
        // ConfirmReservation and ApproveOrder leave together, on two topics: their order on arrival is not fixed
        assertThat(commandTypes(orderId)).containsExactlyInAnyOrder("ReserveInventory", "ChargePayment",
                "ChargePayment", "ChargePayment", "ChargePayment", "ConfirmReservation", "ApproveOrder");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(transientFailures("charge-payment", "retried")).isEqualTo(retriedBefore + 3));
    }

    @Test
    void paymentUnavailablePastTheBudgetCompensatesFromTheChargeOn() throws Exception {
        double compensatedBefore = transientFailures("charge-payment", "compensated");
        UUID orderId = UUID.randomUUID();
        kafka.send(orderPlaced(orderId));
        kafka.awaitRecord(new ReserveInventory(orderId, lines()));
        kafka.send(new InventoryReserved(orderId));
        kafka.awaitRecord(new ChargePayment(orderId, CUSTOMER, TOTAL));
        kafka.send(new PaymentUnavailable(orderId, "circuit open"));
        awaitCommands(orderId, ChargePayment.class, 2);

        // Past the 2 m budget (the default) from the first charge. The second try's 30 s reply timeout has passed
        // too: wait for its re-send, so that the outage meets a saga in a known state.
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        awaitCommands(orderId, ChargePayment.class, 3);
        awaitSaga(orderId, saga -> saga.path("attempts").asInt() == 2);
        kafka.send(new PaymentUnavailable(orderId, "circuit open"));

        // the charge may have been applied after all: it is refunded first, under the compensation's stable id
        ReceivedRecord refund = kafka.awaitRecord(new RefundPayment(orderId));
        assertThat(refund.messageId()).isEqualTo(
                SagaCommand.messageIdFor(orderId, "charge-payment", "RefundPayment", Direction.COMPENSATION));
        kafka.send(new PaymentRefunded(orderId, TOTAL));
        kafka.awaitRecord(new ReleaseInventory(orderId));
        kafka.send(new InventoryReleased(orderId));
        String reason = "step charge-payment still failed transiently after 2m (2 tries)";
        kafka.awaitRecord(new RejectOrder(orderId, reason));
        kafka.send(new OrderRejected(orderId, reason));

        JsonNode saga = awaitSagaState(orderId, "COMPENSATED");
        assertThat(saga.path("failureReason").asText()).isEqualTo(reason);
        assertThat(commandTypes(orderId)).containsExactly("ReserveInventory", "ChargePayment", "ChargePayment",
                "ChargePayment", "RefundPayment", "ReleaseInventory", "RejectOrder");
        assertThat(historyOf(saga)).containsSubsequence(
                tuple("TRANSIENT_FAILURE", "charge-payment", "PaymentUnavailable"),
                tuple("DEADLINE_PASSED", "charge-payment", ""),
                tuple("COMMAND_RESENT", "charge-payment", "ChargePayment"),
                tuple("DEADLINE_PASSED", "charge-payment", ""),
                tuple("COMMAND_RESENT", "charge-payment", "ChargePayment"),
                tuple("TRANSIENT_FAILURE", "charge-payment", "PaymentUnavailable"),
                tuple("STATE_CHANGED", "charge-payment", ""),
                tuple("COMMAND_SENT", "charge-payment", "RefundPayment"));
        assertThat(entries(saga, "TRANSIENT_FAILURE")).extracting(entry -> entry.path("detail").path("action").asText())
                .containsExactly("", "compensate");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(transientFailures("charge-payment", "compensated")).isEqualTo(compensatedBefore + 1));
    }

    @Test
    void aCancelledOrderIsRefundedReleasedAndRejectedInThatOrder() throws Exception {
        UUID orderId = UUID.randomUUID();
        kafka.send(orderPlaced(orderId));
        kafka.awaitRecord(new ReserveInventory(orderId, lines()));
        kafka.send(new InventoryReserved(orderId));
        kafka.awaitRecord(new ChargePayment(orderId, CUSTOMER, TOTAL));

        UUID cancellationId = kafka.send(new OrderCancellationRequested(orderId, "changed my mind"));
        ReceivedRecord refund = kafka.awaitRecord(new RefundPayment(orderId));
        assertThat(refund.topic()).isEqualTo(Topics.PAYMENT_COMMANDS);
        assertThat(refund.messageId()).isEqualTo(
                SagaCommand.messageIdFor(orderId, "charge-payment", "RefundPayment", Direction.COMPENSATION));
        kafka.send(new PaymentRefunded(orderId, TOTAL));
        kafka.awaitRecord(new ReleaseInventory(orderId));
        kafka.send(new InventoryReleased(orderId));
        kafka.awaitRecord(new RejectOrder(orderId, "cancelled: changed my mind"));
        kafka.send(new OrderCancelled(orderId, "changed my mind"));

        JsonNode saga = awaitSagaState(orderId, "COMPENSATED");
        assertThat(commandTypes(orderId)).containsExactly(
                "ReserveInventory", "ChargePayment", "RefundPayment", "ReleaseInventory", "RejectOrder");
        JsonNode cancelled = entry(saga, "CANCEL_REQUESTED");
        assertThat(cancelled.path("step").asText()).isEqualTo("charge-payment");
        assertThat(cancelled.path("messageType").asText()).isEqualTo("OrderCancellationRequested");
        assertThat(cancelled.path("messageId").asText()).isEqualTo(cancellationId.toString());
        assertThat(historyOf(saga)).endsWith(
                tuple("REPLY_RECEIVED", "create-order", "OrderCancelled"),
                tuple("STATE_CHANGED", "create-order", ""));
    }

    private List<ReceivedRecord> awaitCommands(UUID orderId, Class<? extends Message> type, int count) {
        return kafka.awaitRecords(orderId.toString(),
                        records -> records.stream().filter(record -> record.carries(type)).count() >= count)
                .stream().filter(record -> record.carries(type)).toList();
    }

    private List<String> commandTypes(UUID orderId) {
        return kafka.recordsFor(orderId.toString()).stream().map(ReceivedRecord::type).toList();
    }

    private double timeouts(String step, String action) {
        Counter found = meters.find("saga.step.timeouts").tags("step", step, "action", action).counter();
        return found == null ? 0 : found.count();
    }

    private double transientFailures(String step, String action) {
        Counter found = meters.find("saga.step.transient.failures").tags("step", step, "action", action).counter();
        return found == null ? 0 : found.count();
    }

    private static JsonNode entry(JsonNode saga, String type) {
        return entries(saga, type).stream().findFirst()
                .orElseThrow(() -> new AssertionError("No " + type + " in " + saga.path("history")));
    }

    private static List<JsonNode> entries(JsonNode saga, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : saga.path("history")) {
            if (type.equals(entry.path("type").asText())) {
                found.add(entry);
            }
        }
        return found;
    }

    private List<String> stuckRunningSagas() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/sagas")
                .param("state", "RUNNING").param("stuck", "true").param("limit", "500")).andReturn().getResponse();
        return json.readTree(response.getContentAsByteArray()).findValuesAsText("sagaId");
    }

    private static Instant stepStartedAt(JsonNode saga) {
        return Instant.parse(saga.path("stepStartedAt").asText());
    }

    /** (type, step, messageType) per history entry, oldest first; an absent message type is "". */
    private static List<Tuple> historyOf(JsonNode saga) {
        List<Tuple> rows = new ArrayList<>();
        for (JsonNode entry : saga.path("history")) {
            JsonNode messageType = entry.path("messageType");
            rows.add(tuple(entry.path("type").asText(), entry.path("step").asText(),
                    messageType.isNull() ? "" : messageType.asText()));
        }
        return rows;
    }

    private static OrderPlaced orderPlaced(UUID orderId) {
        return new OrderPlaced(orderId, CUSTOMER, List.of(new OrderPlaced.Line("SKU-3", 3, Money.of(1_000, "EUR"))),
                TOTAL);
    }

    private static List<StockLine> lines() {
        return List.of(new StockLine("SKU-3", 3));
    }
}
