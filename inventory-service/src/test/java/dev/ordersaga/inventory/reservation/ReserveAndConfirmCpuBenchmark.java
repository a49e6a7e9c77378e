package dev.ordersaga.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.inventory.InventoryIntegrationTest;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.ReserveInventory;
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
 * CPU of the happy path's two inventory handlers (a two-line ReserveInventory, then ConfirmReservation), each in
 * a transaction of its own as the messaging library runs it, without Kafka and the inbox: the handler thread's
 * CPU time per message (this JVM only, not PostgreSQL's) and the wall time. A measurement, not part of the build
 * (its name matches neither *Test nor *IT); run it with
 * {@code ./mvnw -o -pl inventory-service -am verify -Dit.test=ReserveAndConfirmCpuBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -DargLine=-XX:TieredStopAtLevel=1}
 * (C1 only, as the services run) and read the figures in target/failsafe-reports.
 */
class ReserveAndConfirmCpuBenchmark extends InventoryIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ReserveAndConfirmCpuBenchmark.class);
    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 3_000;

    @Autowired
    private InventoryCommands commands;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private final String book = uniqueSku("BOOK");
    private final String mug = uniqueSku("MUG");

    @Test
    void measuresCpuPerHandledMessage() {
        seedProduct(book, 1_000_000);
        seedProduct(mug, 1_000_000);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        runSagas(transactions, WARM_UP);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        runSagas(transactions, MEASURED);
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6;
        double wallMs = (System.nanoTime() - wallBefore) / 1e6;

        int messages = 2 * MEASURED;
        log.info("Inventory reserve+confirm over {} messages: {} ms CPU per message (handler thread), {} ms wall",
                messages, String.format("%.3f", cpuMs / messages), String.format("%.3f", wallMs / messages));
        assertThat(stockOf(book).sold()).isEqualTo(2 * (WARM_UP + MEASURED));
    }

    private void runSagas(TransactionTemplate transactions, int count) {
        for (int i = 0; i < count; i++) {
            UUID orderId = UUID.randomUUID();
            ReserveInventory reserve = new ReserveInventory(orderId, List.of(new StockLine(mug, 1), new StockLine(book, 2)));
            transactions.executeWithoutResult(status -> commands.reserve(reserve));
            transactions.executeWithoutResult(status -> commands.confirm(new ConfirmReservation(orderId)));
        }
    }
}
