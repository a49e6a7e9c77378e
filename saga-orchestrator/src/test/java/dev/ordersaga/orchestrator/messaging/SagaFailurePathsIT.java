package dev.ordersaga.orchestrator.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

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

/**
 * The failure paths through Kafka as in production: passed deadlines (the poller), transient failures and
 * cancellation. The shared context runs with saga.max-attempts=2 and the default 30 s step timeout; the
 * tests move the clock past deadlines rather than wait for them.
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
    void paymentUnavailableIsRetriedUnderANewMessageIdAndTheSagaCompletes() throws Exception {
        double transientBefore = transientFailures("charge-payment");
        UUID orderId = UUID.randomUUID();
        kafka.send(orderPlaced(orderId));
        kafka.awaitRecord(new ReserveInventory(orderId, lines()));
        kafka.send(new InventoryReserved(orderId));
        ReceivedRecord firstCharge = kafka.awaitRecord(new ChargePayment(orderId, CUSTOMER, TOTAL));

        UUID unavailableId = kafka.send(new PaymentUnavailable(orderId, "circuit open"));
        // after saga.transient-retry-delay the poller sends the next try
        ReceivedRecord secondCharge = awaitCommands(orderId, ChargePayment.class, 2).get(1);
        assertThat(secondCharge.message()).isEqualTo(new ChargePayment(orderId, CUSTOMER, TOTAL));
        assertThat(secondCharge.messageId())
                .isNotEqualTo(firstCharge.messageId())
                .isEqualTo(SagaCommand.messageIdFor(orderId, "charge-payment", "ChargePayment", Direction.FORWARD, 1));

        kafka.send(new PaymentCharged(orderId, UUID.randomUUID(), TOTAL));
        kafka.awaitRecord(new ConfirmReservation(orderId));
        kafka.awaitRecord(new ApproveOrder(orderId));
        kafka.send(new OrderApproved(orderId, TOTAL));

        JsonNode saga = awaitSagaState(orderId, "COMPLETED");
        JsonNode transientFailure = entry(saga, "TRANSIENT_FAILURE");
        assertThat(transientFailure.path("messageType").asText()).isEqualTo("PaymentUnavailable");
        assertThat(transientFailure.path("messageId").asText()).isEqualTo(unavailableId.toString());
        assertThat(transientFailure.path("detail").path("reason").asText())
                .isEqualTo("payment unavailable: circuit open");
        JsonNode resent = entry(saga, "COMMAND_RESENT");
        assertThat(resent.path("messageId").asText()).isEqualTo(secondCharge.messageId().toString());
        assertThat(resent.path("detail").path("try").asText()).isEqualTo("1");
        // ConfirmReservation and ApproveOrder leave together, on two topics: their order on arrival is not fixed
        assertThat(commandTypes(orderId)).containsExactlyInAnyOrder(
                "ReserveInventory", "ChargePayment", "ChargePayment", "ConfirmReservation", "ApproveOrder");
        assertThat(entry(saga, "DEADLINE_PASSED").path("detail").path("action").asText()).isEqualTo("retry");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(transientFailures("charge-payment")).isEqualTo(transientBefore + 1));
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

    private double transientFailures(String step) {
        Counter found = meters.find("saga.step.transient.failures").tag("step", step).counter();
        return found == null ? 0 : found.count();
    }

    private static JsonNode entry(JsonNode saga, String type) {
        for (JsonNode entry : saga.path("history")) {
            if (type.equals(entry.path("type").asText())) {
                return entry;
            }
        }
        throw new AssertionError("No " + type + " in " + saga.path("history"));
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
