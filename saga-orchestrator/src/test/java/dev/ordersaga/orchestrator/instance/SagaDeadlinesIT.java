package dev.ordersaga.orchestrator.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.orchestrator.OrchestratorIntegrationTest;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.order.OrderPlaced;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The deadline poller against real PostgreSQL: row claims, and sagas it cannot handle. */
class SagaDeadlinesIT extends OrchestratorIntegrationTest {

    private static final Money TOTAL = Money.of(700, "EUR");

    @Autowired
    SagaCoordinator coordinator;

    @Autowired
    SagaInstanceRepository instances;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSagaAnotherTransactionHoldsIsSkippedNotWaitedFor() throws Exception {
        UUID held = startSaga();
        UUID free = startSaga();
        try (Connection replyHandler = dataSource.getConnection()) {
            replyHandler.setAutoCommit(false);
            try (PreparedStatement lock = replyHandler.prepareStatement(
                    "SELECT saga_id FROM saga_instances WHERE saga_id = ? FOR UPDATE")) {
                lock.setObject(1, held);
                lock.executeQuery().close();
            }

            clock.advance(Duration.ofSeconds(31)); // both deadlines pass at once
            awaitAttempts(free, 2);
            // the poll that handled the free saga skipped the held one rather than waiting for it
            assertThat(instances.findById(held).orElseThrow().getAttempts()).isEqualTo(1);
            replyHandler.rollback();
        }
        awaitAttempts(held, 2);
    }

    @Test
    void aSagaThePollerCannotHandleStaysDueAndStuckWithoutHoldingUpTheOthers() throws Exception {
        UUID broken = UUID.randomUUID();
        // Its definition version is unknown to this build: handling it fails at every poll.
        jdbc.update("""
                INSERT INTO saga_instances (saga_id, definition_name, definition_version, state, current_step,
                                            step_deadline, attempts, command_try, data, version, created_at, updated_at)
                VALUES (?, 'create-order', 99, 'RUNNING', 1, now() - interval '1 minute', 1, 0, ?::jsonb, 0,
                        now() - interval '20 days', now() - interval '20 days')""",
                broken, "{\"orderId\":\"" + broken + "\",\"customerId\":\"c-1\",\"lines\":[],"
                        + "\"total\":{\"amount\":1,\"currency\":\"EUR\"},\"failureReason\":null}");
        try {
            UUID healthy = startSaga();
            clock.advance(Duration.ofSeconds(31));

            awaitAttempts(healthy, 2);
            // Re-sent, so its deadline lies ahead again: still stuck, as it missed one.
            mvc.perform(get("/sagas").param("stuck", "true"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].sagaId", hasItem(healthy.toString())));
            SagaInstance stillDue = instances.findById(broken).orElseThrow();
            assertThat(stillDue.getAttempts()).isEqualTo(1);
            assertThat(stillDue.isOverdueAt(clock.instant())).isTrue();
            mvc.perform(get("/sagas").param("stuck", "true").param("olderThan", "P15D"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].sagaId", contains(broken.toString())))
                    .andExpect(jsonPath("$[0].overdue").value(true))
                    .andExpect(jsonPath("$[0].definitionVersion").value(99))
                    .andExpect(jsonPath("$[0].currentStepName").value(nullValue()));
        } finally {
            jdbc.update("DELETE FROM saga_instances WHERE saga_id = ?", broken);
        }
    }

    private void awaitAttempts(UUID sagaId, int attempts) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> instances.findById(sagaId).orElseThrow().getAttempts(), found -> found == attempts);
    }

    private UUID startSaga() {
        UUID orderId = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> coordinator.start(new OrderPlaced(orderId, "c-7",
                List.of(new OrderPlaced.Line("SKU-7", 1, TOTAL)), TOTAL), UUID.randomUUID()));
        return orderId;
    }
}
