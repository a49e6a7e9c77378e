package dev.ordersaga.orchestrator.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.orchestrator.OrchestratorIntegrationTest;
import dev.ordersaga.orchestrator.saga.Direction;
import dev.ordersaga.orchestrator.saga.SagaCommand;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.InventoryReleased;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReservationConfirmed;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.RejectOrder;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import dev.ordersaga.testkit.KafkaTestClient;
import dev.ordersaga.testkit.ReceivedRecord;
import dev.ordersaga.testkit.SharedKafkaTestClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The saga driven through Kafka as in production: events and replies in, commands out through the outbox relay. */
class SagaFlowIT extends OrchestratorIntegrationTest {

    private static final String CUSTOMER = "customer-7";
    private static final Money TOTAL = Money.of(2_500, "EUR");

    /** Publishes events and replies as the other services do; reads the commands the orchestrator published. */
    private final KafkaTestClient kafka =
            SharedKafkaTestClient.readingFrom(Topics.INVENTORY_COMMANDS, Topics.PAYMENT_COMMANDS, Topics.ORDER_COMMANDS);

    @Autowired
    MeterRegistry meters;

    @Test
    void happyPathSendsEveryCommandAndCompletesWithHistoryAndMetrics() throws Exception {
        double startedBefore = counted("saga.started");
        double completedBefore = counted("saga.completed");
        long timedBefore = timed("COMPLETED");
        UUID orderId = UUID.randomUUID();
        UUID placedId = kafka.send(orderPlaced(orderId));

        ReceivedRecord reserve = kafka.awaitRecord(new ReserveInventory(orderId, lines()));
        assertThat(reserve.topic()).isEqualTo(Topics.INVENTORY_COMMANDS);
        assertThat(reserve.key()).isEqualTo(orderId.toString());
        assertThat(reserve.messageId()).isEqualTo(
                SagaCommand.messageIdFor(orderId, "reserve-inventory", "ReserveInventory", Direction.FORWARD));

        UUID reservedId = kafka.send(new InventoryReserved(orderId));
        ReceivedRecord charge = kafka.awaitRecord(new ChargePayment(orderId, CUSTOMER, TOTAL));
        assertThat(charge.messageId()).isEqualTo(
                SagaCommand.messageIdFor(orderId, "charge-payment", "ChargePayment", Direction.FORWARD));

        UUID chargedId = kafka.send(new PaymentCharged(orderId, UUID.randomUUID(), TOTAL));
        ReceivedRecord confirm = kafka.awaitRecord(new ConfirmReservation(orderId));
        ReceivedRecord approve = kafka.awaitRecord(new ApproveOrder(orderId));
        assertThat(approve.topic()).isEqualTo(Topics.ORDER_COMMANDS);

        UUID confirmedId = kafka.send(new ReservationConfirmed(orderId));
        UUID approvedId = kafka.send(new OrderApproved(orderId, TOTAL));

        awaitSagaState(orderId, "COMPLETED");
        // ReservationConfirmed races OrderApproved across two topics; either way it is recorded, not ignored.
        JsonNode saga = awaitHistoryEntry(orderId,
                tuple("REPLY_RECEIVED", "approve-order", "ReservationConfirmed", confirmedId.toString()));
        assertThat(saga.path("sagaId").asText()).isEqualTo(orderId.toString());
        assertThat(saga.path("orderId").asText()).isEqualTo(orderId.toString());
        assertThat(saga.path("definition").asText()).isEqualTo("create-order");
        assertThat(saga.path("definitionVersion").asInt()).isEqualTo(1);
        assertThat(saga.path("stepDeadline").isNull()).isTrue();
        assertThat(historyOf(saga)).containsSubsequence(
                tuple("STARTED", "create-order", "OrderPlaced", placedId.toString()),
                tuple("COMMAND_SENT", "reserve-inventory", "ReserveInventory", reserve.messageId().toString()),
                tuple("REPLY_RECEIVED", "reserve-inventory", "InventoryReserved", reservedId.toString()),
                tuple("COMMAND_SENT", "charge-payment", "ChargePayment", charge.messageId().toString()),
                tuple("REPLY_RECEIVED", "charge-payment", "PaymentCharged", chargedId.toString()),
                tuple("COMMAND_SENT", "approve-order", "ConfirmReservation", confirm.messageId().toString()),
                tuple("COMMAND_SENT", "approve-order", "ApproveOrder", approve.messageId().toString()),
                tuple("REPLY_RECEIVED", "approve-order", "OrderApproved", approvedId.toString()),
                tuple("STATE_CHANGED", "approve-order", "", ""));
        assertThat(historyOf(saga)).extracting(row -> row.toList().get(0)).doesNotContain("REPLY_IGNORED");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(counted("saga.started")).isEqualTo(startedBefore + 1);
            assertThat(counted("saga.completed")).isEqualTo(completedBefore + 1);
            assertThat(timed("COMPLETED")).isEqualTo(timedBefore + 1);
        });
        String scrape = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        assertThat(scrape).contains("saga_started_total{definition=\"create-order\"",
                "saga_completed_total{definition=\"create-order\"", "saga_duration_seconds_bucket{");
    }

    @Test
    void declinedPaymentReleasesInventoryThenRejectsTheOrderAndCountsACompensation() throws Exception {
        double compensatedBefore = counted("saga.compensated");
        long timedBefore = timed("COMPENSATED");
        UUID orderId = UUID.randomUUID();
        kafka.send(orderPlaced(orderId));
        kafka.awaitRecord(new ReserveInventory(orderId, lines()));
        kafka.send(new InventoryReserved(orderId));
        kafka.awaitRecord(new ChargePayment(orderId, CUSTOMER, TOTAL));

        kafka.send(new PaymentDeclined(orderId, "insufficient funds"));
        ReceivedRecord release = kafka.awaitRecord(new ReleaseInventory(orderId));
        assertThat(release.messageId()).isEqualTo(SagaCommand.messageIdFor(
                orderId, "reserve-inventory", "ReleaseInventory", Direction.COMPENSATION));

        kafka.send(new InventoryReleased(orderId));
        String reason = "payment declined: insufficient funds";
        ReceivedRecord reject = kafka.awaitRecord(new RejectOrder(orderId, reason));
        assertThat(reject.topic()).isEqualTo(Topics.ORDER_COMMANDS);

        kafka.send(new OrderRejected(orderId, reason));
        JsonNode saga = awaitSagaState(orderId, "COMPENSATED");
        assertThat(historyOf(saga)).extracting(row -> row.toList().get(0), row -> row.toList().get(2)).containsExactly(
                tuple("STARTED", "OrderPlaced"),
                tuple("COMMAND_SENT", "ReserveInventory"),
                tuple("REPLY_RECEIVED", "InventoryReserved"),
                tuple("COMMAND_SENT", "ChargePayment"),
                tuple("REPLY_RECEIVED", "PaymentDeclined"),
                tuple("STATE_CHANGED", ""),
                tuple("COMMAND_SENT", "ReleaseInventory"),
                tuple("REPLY_RECEIVED", "InventoryReleased"),
                tuple("COMMAND_SENT", "RejectOrder"),
                tuple("REPLY_RECEIVED", "OrderRejected"),
                tuple("STATE_CHANGED", ""));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(counted("saga.compensated")).isEqualTo(compensatedBefore + 1);
            assertThat(timed("COMPENSATED")).isEqualTo(timedBefore + 1);
        });
    }

    @Test
    void orderPlacedTwiceUnderNewMessageIdsStartsOneSaga() throws Exception {
        double startedBefore = counted("saga.started");
        UUID orderId = UUID.randomUUID();
        kafka.send(orderPlaced(orderId));
        kafka.awaitRecord(new ReserveInventory(orderId, lines()));

        UUID againId = kafka.send(orderPlaced(orderId));
        awaitHistoryEntry(orderId, tuple("REPLY_IGNORED", "reserve-inventory", "OrderPlaced", againId.toString()));

        // Commands leave in commit order: once the next step's command is out, a second ReserveInventory
        // from the duplicate would have been published before it.
        kafka.send(new InventoryReserved(orderId));
        kafka.awaitRecord(new ChargePayment(orderId, CUSTOMER, TOTAL));
        assertThat(kafka.recordsFor(orderId.toString())).filteredOn(ReceivedRecord::type, "ReserveInventory").hasSize(1);
        assertThat(historyOf(saga(orderId))).extracting(row -> row.toList().get(0))
                .containsOnlyOnce("STARTED");
        assertThat(counted("saga.started")).isEqualTo(startedBefore + 1);
    }

    private double counted(String counter) {
        Counter found = meters.find(counter).tag("definition", "create-order").counter();
        return found == null ? 0 : found.count();
    }

    private long timed(String outcome) {
        Timer found = meters.find("saga.duration").tags("definition", "create-order", "outcome", outcome).timer();
        return found == null ? 0 : found.count();
    }

    private static OrderPlaced orderPlaced(UUID orderId) {
        return new OrderPlaced(orderId, CUSTOMER, List.of(
                new OrderPlaced.Line("SKU-1", 2, Money.of(1_000, "EUR")),
                new OrderPlaced.Line("SKU-2", 1, Money.of(500, "EUR"))), TOTAL);
    }

    private static List<StockLine> lines() {
        return List.of(new StockLine("SKU-1", 2), new StockLine("SKU-2", 1));
    }

    /** (type, step, messageType, messageId) per history entry, oldest first; absent values are "". */
    private static List<Tuple> historyOf(JsonNode saga) {
        List<Tuple> rows = new ArrayList<>();
        for (JsonNode entry : saga.path("history")) {
            rows.add(tuple(entry.path("type").asText(), entry.path("step").asText(""),
                    text(entry.path("messageType")), text(entry.path("messageId"))));
        }
        return rows;
    }

    private JsonNode awaitHistoryEntry(UUID orderId, Tuple entry) {
        return await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> saga(orderId), saga -> saga != null && historyOf(saga).contains(entry));
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? "" : node.asText();
    }
}
