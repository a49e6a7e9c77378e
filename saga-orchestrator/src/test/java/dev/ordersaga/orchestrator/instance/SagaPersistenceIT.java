package dev.ordersaga.orchestrator.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.ordersaga.orchestrator.OrchestratorIntegrationTest;
import dev.ordersaga.orchestrator.saga.Direction;
import dev.ordersaga.orchestrator.saga.HistoryType;
import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaCommand;
import dev.ordersaga.orchestrator.saga.SagaState;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class SagaPersistenceIT extends OrchestratorIntegrationTest {

    private static final Money TOTAL = Money.of(1_999, "EUR");

    @Autowired
    SagaCoordinator coordinator;

    @Autowired
    SagaInstanceRepository instances;

    @Autowired
    SagaHistoryRepository history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    @Test
    void startStoresDataAsJsonbWithVersionAndDefaultDeadline() {
        Instant before = Instant.now();
        UUID orderId = startSaga();
        Instant after = Instant.now();

        SagaInstance saga = instances.findById(orderId).orElseThrow();
        assertThat(saga.getData()).isEqualTo(new OrderSagaData(
                orderId, "c-9", List.of(new StockLine("SKU-9", 1)), TOTAL, null));
        assertThat(saga.getDefinitionName()).isEqualTo("create-order");
        assertThat(saga.getDefinitionVersion()).isEqualTo(1);
        assertThat(saga.getState()).isEqualTo(SagaState.RUNNING);
        assertThat(saga.getCurrentStep()).isEqualTo(1);
        assertThat(saga.getAttempts()).isEqualTo(1);
        assertThat(saga.getStepDeadline()).isBetween(before.plus(Duration.ofSeconds(30)),
                after.plus(Duration.ofSeconds(30)));
        Map<String, Object> stored = jdbc.queryForMap("""
                SELECT jsonb_typeof(data) AS kind, data->'total'->>'amount' AS amount, data->'lines'->0->>'sku' AS sku
                FROM saga_instances WHERE saga_id = ?""", orderId);
        assertThat(stored).containsEntry("kind", "object").containsEntry("amount", "1999").containsEntry("sku", "SKU-9");
    }

    @Test
    void twoRepliesForOneSagaAtOnceQueueAndTheSecondIsJudgedByWhatTheFirstLeft() throws Exception {
        UUID orderId = startSaga();
        CompletableFuture<Void> reserved;
        CompletableFuture<Void> unavailable;
        try (Connection other = dataSource.getConnection()) {
            // Holds the row as a transaction still committing would, so that both handlers reach the saga at once.
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT saga_id FROM saga_instances WHERE saga_id = ? FOR UPDATE")) {
                lock.setObject(1, orderId);
                lock.executeQuery().close();
            }
            reserved = CompletableFuture.runAsync(() -> handle(new InventoryReserved(orderId)));
            unavailable = CompletableFuture.runAsync(() -> handle(new InventoryUnavailable(
                    orderId, List.of(new InventoryUnavailable.Shortage("SKU-9", 1, 0)))));
            await().atMost(Duration.ofSeconds(10)).until(() -> readsWaitingOnALock(), waiting -> waiting == 2);
            other.rollback();

            await().atMost(Duration.ofSeconds(10)).until(() -> reserved.isDone() && unavailable.isDone());
        }

        assertThat(List.of(reserved, unavailable)).as("neither fails: the second waits, then reads the first's state")
                .noneMatch(CompletableFuture::isCompletedExceptionally);
        SagaInstance saga = instances.findById(orderId).orElseThrow();
        List<SagaHistoryEntry> entries = history.findBySagaIdOrderByIdAsc(orderId);
        List<String> ignored = entries.stream().filter(entry -> entry.getType() == HistoryType.REPLY_IGNORED)
                .map(SagaHistoryEntry::getMessageType).toList();
        List<String> types = entries.stream().map(SagaHistoryEntry::getMessageType).toList();
        if (saga.getState() == SagaState.RUNNING) {
            assertThat(saga.getCurrentStep()).isEqualTo(2);
            assertThat(types).contains("InventoryReserved", "ChargePayment").doesNotContain("RejectOrder");
            assertThat(ignored).containsExactly("InventoryUnavailable");
        } else {
            assertThat(saga.getState()).isEqualTo(SagaState.COMPENSATING);
            assertThat(types).contains("InventoryUnavailable").doesNotContain("ChargePayment");
            assertThat(ignored).containsExactly("InventoryReserved");
        }
    }

    @Test
    void aSecondReplyOfOneSagaInTheSameTransactionSeesWhatTheFirstDid() {
        UUID orderId = startSaga();

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            coordinator.handleReply(new InventoryReserved(orderId), UUID.randomUUID());
            coordinator.handleReply(new PaymentCharged(orderId, UUID.randomUUID(), TOTAL), UUID.randomUUID());
        });

        SagaInstance saga = instances.findById(orderId).orElseThrow();
        assertThat(saga.getVersion()).isEqualTo(2);
        assertThat(history.findBySagaIdOrderByIdAsc(orderId)).extracting(SagaHistoryEntry::getType,
                        SagaHistoryEntry::getMessageType)
                .contains(tuple(HistoryType.REPLY_RECEIVED, "PaymentCharged"), tuple(HistoryType.COMMAND_SENT, "ApproveOrder"))
                .doesNotContain(tuple(HistoryType.REPLY_IGNORED, "PaymentCharged"));
    }

    @Test
    void aReplyRolledBackToItsSavepointLeavesNothingTheNextOneInTheTransactionSees() {
        UUID orderId = startSaga();
        UUID rolledBack = UUID.randomUUID();
        UUID kept = UUID.randomUUID();

        // as the messaging library handles a poll: one transaction, a savepoint per record
        new TransactionTemplate(transactionManager).executeWithoutResult(batch -> {
            jdbc.execute("SAVEPOINT record");
            coordinator.handleReply(new InventoryReserved(orderId), rolledBack);
            jdbc.execute("ROLLBACK TO SAVEPOINT record");
            jdbc.execute("SAVEPOINT record");
            coordinator.handleReply(new InventoryReserved(orderId), kept);
            jdbc.execute("RELEASE SAVEPOINT record");
        });

        SagaInstance saga = instances.findById(orderId).orElseThrow();
        assertThat(saga.getCurrentStep()).isEqualTo(2);
        assertThat(saga.getVersion()).isEqualTo(1);
        assertThat(history.findBySagaIdOrderByIdAsc(orderId)).extracting(SagaHistoryEntry::getMessageId)
                .contains(kept).doesNotContain(rolledBack);
        assertThat(history.findBySagaIdOrderByIdAsc(orderId)).extracting(SagaHistoryEntry::getType)
                .doesNotContain(HistoryType.REPLY_IGNORED);
    }

    private int readsWaitingOnALock() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT saga_id, definition_name%FOR NO KEY UPDATE'""",
                Integer.class);
    }

    @Test
    void historyIsAppendedInOrderWithTheHandledMessageIds() {
        UUID placedId = UUID.randomUUID();
        UUID orderId = startSaga(placedId);
        UUID reservedId = UUID.randomUUID();
        new TransactionTemplate(transactionManager).executeWithoutResult(tx ->
                coordinator.handleReply(new InventoryReserved(orderId), reservedId));

        assertThat(history.findBySagaIdOrderByIdAsc(orderId))
                .extracting(SagaHistoryEntry::getType, SagaHistoryEntry::getMessageType, SagaHistoryEntry::getMessageId)
                .containsExactly(
                        tuple(HistoryType.STARTED, "OrderPlaced", placedId),
                        tuple(HistoryType.COMMAND_SENT, "ReserveInventory",
                                commandId(orderId, "reserve-inventory", "ReserveInventory")),
                        tuple(HistoryType.REPLY_RECEIVED, "InventoryReserved", reservedId),
                        tuple(HistoryType.COMMAND_SENT, "ChargePayment",
                                commandId(orderId, "charge-payment", "ChargePayment")));
    }

    @Test
    void aSagaMidStepFromBeforeStepStartsWereStoredGetsAWholeBudgetFromItsNextChange() {
        UUID orderId = startSaga();
        handle(new InventoryReserved(orderId));
        // as V5 left a row whose charge went out long before the upgrade
        jdbc.update("""
                UPDATE saga_instances SET step_started_at = NULL, updated_at = now() - interval '1 day'
                WHERE saga_id = ?""", orderId);

        Instant before = clock.instant();
        handle(new PaymentUnavailable(orderId, "circuit open"));
        Instant after = clock.instant();

        SagaInstance saga = instances.findById(orderId).orElseThrow();
        assertThat(saga.getState()).isEqualTo(SagaState.RUNNING);
        assertThat(saga.isRetryPending()).isTrue();
        assertThat(saga.getCommandTry()).isEqualTo(1);
        assertThat(saga.getStepStartedAt()).isBetween(before, after);
    }

    private void handle(Message reply) {
        new TransactionTemplate(transactionManager).executeWithoutResult(tx ->
                coordinator.handleReply(reply, UUID.randomUUID()));
    }

    private UUID startSaga() {
        return startSaga(UUID.randomUUID());
    }

    private UUID startSaga(UUID messageId) {
        UUID orderId = UUID.randomUUID();
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> coordinator.start(new OrderPlaced(
                orderId, "c-9", List.of(new OrderPlaced.Line("SKU-9", 1, TOTAL)), TOTAL), messageId));
        return orderId;
    }

    private static UUID commandId(UUID orderId, String step, String type) {
        return SagaCommand.messageIdFor(orderId, step, type, Direction.FORWARD);
    }
}
