package dev.ordersaga.orchestrator.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.orchestrator.OrchestratorIntegrationTest;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.ReservationConfirmed;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.testkit.RecordedStatement;
import dev.ordersaga.testkit.StatementRecorder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the happy path costs the orchestrator in SQL, per message it handles (the inbox insert, written by the
 * messaging library, is not part of these calls). Also prints the CPU time of a whole saga's handling in a
 * loop, for the performance notes: printed, not asserted, as CPU time depends on the machine.
 */
class SagaHotPathCostIT extends OrchestratorIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(SagaHotPathCostIT.class);
    private static final Money TOTAL = Money.of(2_500, "EUR");

    @Autowired
    SagaCoordinator coordinator;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aHappyPathMessageReadsItsSagaOnceWritesItOnlyWhenItChangesAndAppendsHistoryInOneStatement() throws Exception {
        UUID orderId = UUID.randomUUID();

        List<RecordedStatement> placed = statementsOf(() -> start(orderId));
        List<RecordedStatement> reserved = statementsOf(() -> reply(new InventoryReserved(orderId)));
        List<RecordedStatement> charged = statementsOf(() -> reply(new PaymentCharged(orderId, UUID.randomUUID(), TOTAL)));
        List<RecordedStatement> confirmed = statementsOf(() -> reply(new ReservationConfirmed(orderId)));
        List<RecordedStatement> approved = statementsOf(() -> reply(new OrderApproved(orderId, TOTAL)));

        // start: insert unless it exists, its history; one command (insert + delete in the outbox)
        assertThat(sqlOf(placed)).containsExactly("insert saga_instances", "insert saga_history",
                "insert outbox", "delete outbox");
        assertThat(sqlOf(reserved)).containsExactly("select", "update saga_instances", "insert saga_history",
                "insert outbox", "delete outbox");
        assertThat(sqlOf(charged)).containsExactly("select", "update saga_instances", "insert saga_history",
                "insert outbox", "delete outbox", "insert outbox", "delete outbox");
        // only history: the instance does not change, so it is not written
        assertThat(sqlOf(confirmed)).containsExactly("select", "insert saga_history");
        assertThat(sqlOf(approved)).containsExactly("select", "update saga_instances", "insert saga_history");
    }

    @Test
    void cpuTimeOfAWholeHappyPathIsPrinted() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int warmUp = 300;
        int measured = 500;
        for (int i = 0; i < warmUp; i++) {
            runSaga();
        }
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            runSaga();
        }
        double cpuMsPerSaga = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6 / measured;
        double wallMsPerSaga = (System.nanoTime() - wallBefore) / 1e6 / measured;
        log.warn("Orchestrator hot path, test thread only: {} ms CPU and {} ms wall per saga (5 messages, "
                        + "one transaction each), over {} sagas after {} warm-up",
                String.format("%.2f", cpuMsPerSaga), String.format("%.2f", wallMsPerSaga), measured, warmUp);
        assertThat(cpuMsPerSaga).isPositive();
    }

    private void runSaga() {
        UUID orderId = UUID.randomUUID();
        start(orderId);
        reply(new InventoryReserved(orderId));
        reply(new PaymentCharged(orderId, UUID.randomUUID(), TOTAL));
        reply(new ReservationConfirmed(orderId));
        reply(new OrderApproved(orderId, TOTAL));
    }

    private void start(UUID orderId) {
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> coordinator.start(new OrderPlaced(
                orderId, "c-1", List.of(new OrderPlaced.Line("SKU-1", 1, TOTAL)), TOTAL), UUID.randomUUID()));
    }

    private void reply(Message reply) {
        new TransactionTemplate(transactionManager).executeWithoutResult(tx ->
                coordinator.handleReply(reply, UUID.randomUUID()));
    }

    private static List<RecordedStatement> statementsOf(StatementRecorder.Work work) throws Exception {
        List<RecordedStatement> statements = StatementRecorder.record(work);
        log.warn("{} statements: {}", statements.size(), statements);
        return statements;
    }

    /** Each statement as its verb and table, e.g. "update saga_instances"; a select is just "select". */
    private static List<String> sqlOf(List<RecordedStatement> statements) {
        return statements.stream().map(SagaHotPathCostIT::verbAndTable).toList();
    }

    private static String verbAndTable(RecordedStatement statement) {
        String sql = statement.sql().strip().toLowerCase().replaceAll("\\s+", " ");
        if (statement.isSelect()) {
            return "select";
        }
        String[] words = sql.split(" ");
        String table = switch (words[0]) {
            case "insert", "delete" -> words[2];
            case "update" -> words[1];
            default -> sql;
        };
        return words[0] + " " + table.replaceAll("[(].*", "");
    }
}
