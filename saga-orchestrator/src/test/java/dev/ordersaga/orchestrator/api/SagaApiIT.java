package dev.ordersaga.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.orchestrator.OrchestratorIntegrationTest;
import dev.ordersaga.orchestrator.instance.SagaCoordinator;
import dev.ordersaga.orchestrator.saga.Direction;
import dev.ordersaga.orchestrator.saga.SagaCommand;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.testkit.KafkaTestClient;
import dev.ordersaga.testkit.RecordedStatement;
import dev.ordersaga.testkit.ReceivedRecord;
import dev.ordersaga.testkit.SharedKafkaTestClient;
import dev.ordersaga.testkit.StatementRecorder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

class SagaApiIT extends OrchestratorIntegrationTest {

    private static final Money TOTAL = Money.of(300, "EUR");
    private static final List<OrderPlaced.Line> LINES = List.of(new OrderPlaced.Line("SKU-1", 3, Money.of(100, "EUR")));

    private final KafkaTestClient kafka =
            SharedKafkaTestClient.readingFrom(Topics.INVENTORY_COMMANDS, Topics.PAYMENT_COMMANDS, Topics.ORDER_COMMANDS);

    @Autowired
    SagaCoordinator coordinator;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void showsTheSagaAndItsWholeHistoryInTwoQueries() throws Exception {
        UUID orderId = sagaThatReachedApproval();

        List<RecordedStatement> statements = StatementRecorder.record(() -> mvc.perform(get("/sagas/{id}", orderId))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.sagaId").value(orderId.toString()))
                .andExpect(jsonPath("$.orderId").value(orderId.toString()))
                .andExpect(jsonPath("$.definition").value("create-order"))
                .andExpect(jsonPath("$.definitionVersion").value(1))
                .andExpect(jsonPath("$.state").value("RUNNING"))
                .andExpect(jsonPath("$.currentStep").value(3))
                .andExpect(jsonPath("$.currentStepName").value("approve-order"))
                .andExpect(jsonPath("$.stepStartedAt").isNotEmpty())
                .andExpect(jsonPath("$.stepDeadline").isNotEmpty())
                .andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.attempts").value(1))
                .andExpect(jsonPath("$.retryPending").value(false))
                .andExpect(jsonPath("$.commandTry").value(0))
                .andExpect(jsonPath("$.createdAt").isNotEmpty())
                .andExpect(jsonPath("$.updatedAt").isNotEmpty())
                .andExpect(jsonPath("$.history.length()").value(7))
                .andExpect(jsonPath("$.history[*].type", contains("STARTED", "COMMAND_SENT", "REPLY_RECEIVED",
                        "COMMAND_SENT", "REPLY_RECEIVED", "COMMAND_SENT", "COMMAND_SENT")))
                .andExpect(jsonPath("$.history[6].messageType").value("ApproveOrder"))
                .andExpect(jsonPath("$.history[6].detail.direction").value("forward"))
                .andExpect(jsonPath("$.history[0].at").isNotEmpty()));

        assertThat(statements).hasSize(2);
        assertThat(statements).allMatch(RecordedStatement::isSelect);
    }

    @Test
    void unknownSagaIsNotFoundAsProblemJson() throws Exception {
        mvc.perform(get("/sagas/{id}", UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Saga not found"));
    }

    @Test
    void idThatIsNotAUuidIsABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/sagas/{id}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.violations[0].field").value("orderId"))
                .andExpect(jsonPath("$.violations[0].message").value("must be a UUID, was 'not-a-uuid'"));
    }

    @Test
    void listsSagasOldestUpdateFirstByStateAgeAndLimitInOneQuery() throws Exception {
        // Aged far beyond anything the other tests leave behind, so "olderThan" selects exactly these.
        UUID running = aged(startedSaga(), 10);
        UUID compensating = aged(compensatingSaga(), 9);
        UUID completed = aged(completedSaga(), 8);
        UUID compensated = aged(compensatedSaga(), 7);

        List<RecordedStatement> statements = StatementRecorder.record(() -> mvc.perform(get("/sagas")
                        .param("olderThan", "P6D"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$[*].sagaId", contains(ids(running, compensating, completed, compensated))))
                .andExpect(jsonPath("$[*].state", contains("RUNNING", "COMPENSATING", "COMPLETED", "COMPENSATED"))));
        assertThat(statements).hasSize(1);

        listed("/sagas?olderThan=P6D&state=RUNNING&state=COMPENSATING", running, compensating);
        listed("/sagas?olderThan=P6D&state=COMPENSATED", compensated);
        listed("/sagas?olderThan=P6D&limit=2", running, compensating);
        listed("/sagas?olderThan=P8DT12H", running, compensating);
        // none of them is overdue: their deadlines lie ahead
        listed("/sagas?olderThan=P6D&stuck=true");

        String reason = "insufficient stock: SKU-1 (requested 3, available 0)";
        mvc.perform(get("/sagas").param("olderThan", "P6D").param("state", "COMPENSATING"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].sagaId").value(compensating.toString()))
                .andExpect(jsonPath("$[0].orderId").value(compensating.toString()))
                .andExpect(jsonPath("$[0].definition").value("create-order"))
                .andExpect(jsonPath("$[0].definitionVersion").value(1))
                .andExpect(jsonPath("$[0].state").value("COMPENSATING"))
                .andExpect(jsonPath("$[0].currentStep").value(0))
                .andExpect(jsonPath("$[0].currentStepName").value("create-order"))
                .andExpect(jsonPath("$[0].attempts").value(1))
                .andExpect(jsonPath("$[0].stepDeadline").isNotEmpty())
                .andExpect(jsonPath("$[0].overdue").value(false))
                .andExpect(jsonPath("$[0].createdAt").isNotEmpty())
                .andExpect(jsonPath("$[0].updatedAt").isNotEmpty())
                .andExpect(jsonPath("$[0].failureReason").value(reason))
                .andExpect(jsonPath("$[0].history").doesNotExist());
    }

    @Test
    void badListParametersAreBadRequestsNamingTheParameter() throws Exception {
        badList("state", "SLEEPING", "state");
        badList("olderThan", "five minutes", "olderThan");
        badList("olderThan", "-PT5M", "olderThan");
        badList("limit", "0", "limit");
        badList("limit", "501", "limit");
        badList("limit", "many", "limit");
        badList("stuck", "maybe", "stuck");
    }

    @Test
    void retryResendsTheCurrentCommandsUnderTheirIdsAndRecordsWhoAsked() throws Exception {
        UUID orderId = startedSaga();
        UUID reserveId = SagaCommand.messageIdFor(orderId, "reserve-inventory", "ReserveInventory", Direction.FORWARD);

        act(orderId, "retry", Map.of("requestedBy", "alice", "reason", "inventory was down"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.sagaId").value(orderId.toString()))
                .andExpect(jsonPath("$.action").value("retry"))
                .andExpect(jsonPath("$.outcome").value("RESENT"))
                .andExpect(jsonPath("$.saga.sagaId").value(orderId.toString()))
                .andExpect(jsonPath("$.saga.state").value("RUNNING"))
                .andExpect(jsonPath("$.saga.attempts").value(1))
                .andExpect(jsonPath("$.saga.history[-2].type").value("OPERATOR_ACTION"))
                .andExpect(jsonPath("$.saga.history[-2].step").value("reserve-inventory"))
                .andExpect(jsonPath("$.saga.history[-2].detail.action").value("retry"))
                .andExpect(jsonPath("$.saga.history[-2].detail.requestedBy").value("alice"))
                .andExpect(jsonPath("$.saga.history[-2].detail.reason").value("inventory was down"))
                .andExpect(jsonPath("$.saga.history[-2].detail.outcome").value("RESENT"))
                .andExpect(jsonPath("$.saga.history[-1].type").value("COMMAND_RESENT"))
                .andExpect(jsonPath("$.saga.history[-1].messageId").value(reserveId.toString()));
        // asking twice is safe: the same message id again, which inventory-service deduplicates
        act(orderId, "retry", Map.of("requestedBy", "alice"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("RESENT"));

        List<ReceivedRecord> reserves = kafka.awaitRecords(orderId.toString(), records -> records.stream()
                .filter(record -> record.carries(ReserveInventory.class)).count() == 3);
        assertThat(reserves).extracting(ReceivedRecord::messageId).containsOnly(reserveId);
    }

    @Test
    void compensateTurnsARunningSagaAroundOnceAndThenSaysItAlreadyIs() throws Exception {
        UUID orderId = startedSaga();

        act(orderId, "compensate", Map.of("requestedBy", "bob", "reason", "customer called"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.action").value("compensate"))
                .andExpect(jsonPath("$.outcome").value("COMPENSATING"))
                .andExpect(jsonPath("$.saga.state").value("COMPENSATING"))
                .andExpect(jsonPath("$.saga.currentStepName").value("reserve-inventory"))
                .andExpect(jsonPath("$.saga.failureReason").value("compensation forced by bob: customer called"))
                .andExpect(jsonPath("$.saga.history[-1].messageType").value("ReleaseInventory"))
                .andExpect(jsonPath("$.saga.history[-1].messageId").value(SagaCommand.messageIdFor(
                        orderId, "reserve-inventory", "ReleaseInventory", Direction.COMPENSATION).toString()));
        act(orderId, "compensate", Map.of("requestedBy", "bob"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ALREADY_COMPENSATING"))
                .andExpect(jsonPath("$.saga.state").value("COMPENSATING"))
                .andExpect(jsonPath("$.saga.history[-1].type").value("OPERATOR_ACTION"))
                .andExpect(jsonPath("$.saga.history[-1].detail.outcome").value("ALREADY_COMPENSATING"));
        act(orderId, "retry", Map.of("requestedBy", "bob"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("RESENT"))
                .andExpect(jsonPath("$.saga.state").value("COMPENSATING"))
                .andExpect(jsonPath("$.saga.history[-1].type").value("COMMAND_RESENT"))
                .andExpect(jsonPath("$.saga.history[-1].messageType").value("ReleaseInventory"));
    }

    @Test
    void actionsOnAnEndedSagaAreConflictsThatChangeNothing() throws Exception {
        UUID completed = completedSaga();
        UUID compensated = compensatedSaga();
        int historyBefore = saga(completed).path("history").size();

        act(completed, "retry", Map.of("requestedBy", "alice"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value("Saga " + completed + " is COMPLETED; nothing to retry"));
        act(compensated, "compensate", Map.of("requestedBy", "alice"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Saga " + compensated + " is COMPENSATED; nothing to compensate"));

        assertThat(saga(completed).path("history").size()).isEqualTo(historyBefore);
    }

    @Test
    void compensationPastThePivotIsAConflictButARetryIsNot() throws Exception {
        UUID approving = sagaThatReachedApproval();

        act(approving, "compensate", Map.of("requestedBy", "alice"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Saga " + approving + " is at step approve-order, past the"
                        + " point of no return: nothing to compensate; retry it, or cancel the order"));
        act(approving, "retry", Map.of("requestedBy", "alice"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("RESENT"))
                .andExpect(jsonPath("$.saga.state").value("RUNNING"));
    }

    @Test
    void actionsOnAnUnknownSagaAreNotFound() throws Exception {
        UUID unknown = UUID.randomUUID();
        act(unknown, "retry", Map.of("requestedBy", "alice"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No saga for order " + unknown));
        act(unknown, "compensate", Map.of("requestedBy", "alice")).andExpect(status().isNotFound());
    }

    @Test
    void actionsWithoutAValidRequesterAreBadRequests() throws Exception {
        UUID orderId = startedSaga();
        badAction(orderId, "{\"reason\":\"no name\"}", "requestedBy", "must not be blank");
        badAction(orderId, "{\"requestedBy\":\"  \"}", "requestedBy", "must not be blank");
        badAction(orderId, "{\"requestedBy\":\"" + "x".repeat(101) + "\"}", "requestedBy",
                "must be at most 100 characters");
        badAction(orderId, "{\"requestedBy\":\"alice\",\"reason\":\"" + "x".repeat(501) + "\"}", "reason",
                "must be at most 500 characters");
        mvc.perform(post("/sagas/{id}/retry", orderId).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(saga(orderId).path("history").findValuesAsText("type")).doesNotContain("OPERATOR_ACTION");
    }

    @Test
    void anActionThatMeetsAConcurrentChangeIsAppliedOnceToTheNewState() throws Exception {
        UUID orderId = startedSaga();
        CompletableFuture<JsonNode> retried;
        try (Connection replyHandler = dataSource.getConnection()) {
            replyHandler.setAutoCommit(false);
            // a reply handler's update, not yet committed: the operator's update waits for it
            try (PreparedStatement update = replyHandler.prepareStatement(
                    "UPDATE saga_instances SET version = version + 1 WHERE saga_id = ?")) {
                update.setObject(1, orderId);
                update.executeUpdate();
            }
            retried = CompletableFuture.supplyAsync(() -> actAndRead(orderId));
            await().atMost(Duration.ofSeconds(5)).until(this::someoneWaitsForARowLock);
            replyHandler.commit();
        }

        JsonNode response = retried.get();
        assertThat(response.path("outcome").asText()).isEqualTo("RESENT");
        assertThat(response.path("saga").path("history").findValuesAsText("type"))
                .containsOnlyOnce("OPERATOR_ACTION");
    }

    private ResultActions act(UUID orderId, String action, Map<String, String> body) throws Exception {
        return mvc.perform(post("/sagas/{id}/" + action, orderId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private JsonNode actAndRead(UUID orderId) {
        try {
            String body = act(orderId, "retry", Map.of("requestedBy", "carol"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean someoneWaitsForARowLock() {
        Integer waiting = jdbc.queryForObject(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype IN ('transactionid', 'tuple')",
                Integer.class);
        return waiting != null && waiting > 0;
    }

    private void badAction(UUID orderId, String body, String field, String message) throws Exception {
        mvc.perform(post("/sagas/{id}/retry", orderId).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value(field))
                .andExpect(jsonPath("$.violations[0].message").value(message));
    }

    private void badList(String parameter, String value, String field) throws Exception {
        mvc.perform(get("/sagas").param(parameter, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.violations[0].field").value(field));
    }

    private void listed(String uri, UUID... expected) throws Exception {
        ResultActions result = mvc.perform(get(uri)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(expected.length));
        if (expected.length > 0) {
            result.andExpect(jsonPath("$[*].sagaId", contains(ids(expected))));
        }
    }

    private static String[] ids(UUID... sagaIds) {
        return Arrays.stream(sagaIds).map(UUID::toString).toArray(String[]::new);
    }

    private UUID aged(UUID sagaId, int days) {
        jdbc.update("UPDATE saga_instances SET updated_at = now() - make_interval(days => ?) WHERE saga_id = ?",
                days, sagaId);
        return sagaId;
    }

    private UUID startedSaga() {
        UUID orderId = UUID.randomUUID();
        transactions.executeWithoutResult(tx ->
                coordinator.start(new OrderPlaced(orderId, "c-1", LINES, TOTAL), UUID.randomUUID()));
        return orderId;
    }

    private UUID compensatingSaga() {
        UUID orderId = startedSaga();
        reply(new InventoryUnavailable(orderId, List.of(new InventoryUnavailable.Shortage("SKU-1", 3, 0))));
        return orderId;
    }

    private UUID compensatedSaga() {
        UUID orderId = compensatingSaga();
        reply(new OrderRejected(orderId, "insufficient stock: SKU-1 (requested 3, available 0)"));
        return orderId;
    }

    private UUID sagaThatReachedApproval() {
        UUID orderId = startedSaga();
        reply(new InventoryReserved(orderId));
        reply(new PaymentCharged(orderId, UUID.randomUUID(), TOTAL));
        return orderId;
    }

    private UUID completedSaga() {
        UUID orderId = sagaThatReachedApproval();
        reply(new OrderApproved(orderId, TOTAL));
        return orderId;
    }

    private void reply(Message reply) {
        transactions.executeWithoutResult(tx -> coordinator.handleReply(reply, UUID.randomUUID()));
    }
}
