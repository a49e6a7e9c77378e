package dev.ordersaga.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.order.decision.OrderDecisions;
import dev.ordersaga.order.intake.OrderIntake;
import dev.ordersaga.schema.order.ApproveOrder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CPU of the happy path's two order-service handlers (a two-line PlaceOrder, then ApproveOrder), each in a
 * transaction of its own as the messaging library runs it, without Kafka and the inbox: the handler thread's CPU
 * time per message (this JVM only, not PostgreSQL's) and the wall time. A measurement, not part of the build (its
 * name matches neither *Test nor *IT); run it with
 * {@code ./mvnw -o -pl order-service -am verify -Dit.test=PlaceAndApproveCpuBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -DargLine=-XX:TieredStopAtLevel=1}
 * (C1 only, as the services run) and read the figures in target/failsafe-reports.
 */
class PlaceAndApproveCpuBenchmark extends OrderServiceIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(PlaceAndApproveCpuBenchmark.class);
    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 3_000;

    @Autowired
    private OrderIntake intake;
    @Autowired
    private OrderDecisions decisions;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private final String customerId = "customer-" + UUID.randomUUID();

    @Test
    void measuresCpuPerHandledMessage() {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        runSagas(transactions, WARM_UP);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        runSagas(transactions, MEASURED);
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6;
        double wallMs = (System.nanoTime() - wallBefore) / 1e6;

        int messages = 2 * MEASURED;
        log.info("Order place+approve over {} messages: {} ms CPU per message (handler thread), {} ms wall",
                messages, String.format("%.3f", cpuMs / messages), String.format("%.3f", wallMs / messages));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE customer_id = ? AND status = 'APPROVED'",
                Integer.class, customerId)).isEqualTo(WARM_UP + MEASURED);
    }

    private void runSagas(TransactionTemplate transactions, int count) {
        for (int i = 0; i < count; i++) {
            UUID orderId = UUID.randomUUID();
            transactions.executeWithoutResult(status -> intake.accept(TestOrders.placeOrder(orderId, customerId)));
            transactions.executeWithoutResult(status -> decisions.approve(new ApproveOrder(orderId)));
        }
    }
}
