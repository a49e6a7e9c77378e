package dev.ordersaga.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.order.cancellation.OrderCancellations;
import dev.ordersaga.order.decision.OrderDecisions;
import dev.ordersaga.order.intake.OrderIntake;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.RejectOrder;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several records' handlers in ONE transaction, as the messaging library runs a poll's records: the SQL handlers
 * (PlaceOrder, ApproveOrder) and the JPA ones (CancelOrder, RejectOrder) on the same order must see each other's
 * writes, and no handler may be served a copy of the row that another changed since (ADR 0014).
 */
class HandlersInOneTransactionIT extends OrderServiceIntegrationTest {

    @Autowired
    private OrderIntake intake;
    @Autowired
    private OrderDecisions decisions;
    @Autowired
    private OrderCancellations cancellations;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private final UUID orderId = UUID.randomUUID();

    @Test
    void anApprovalAfterACancelInTheSameTransactionIsSuperseded() {
        inOneTransaction(() -> {
            intake.accept(TestOrders.placeOrder(orderId));
            cancellations.accept(new CancelOrder(orderId, "changed my mind"));
            decisions.approve(new ApproveOrder(orderId));
        });

        assertThat(statusOf(orderId)).isEqualTo("CANCELLING");
    }

    @Test
    void aRejectionAfterAnApprovalInTheSameTransactionIsNotAllowed() {
        inOneTransaction(() -> {
            intake.accept(TestOrders.placeOrder(orderId));
            decisions.approve(new ApproveOrder(orderId));
            decisions.reject(new RejectOrder(orderId, "too late"));
        });

        assertThat(statusOf(orderId)).isEqualTo("APPROVED");
    }

    @Test
    void aCancelAfterAnApprovalOfAnOrderReadEarlierInTheSameTransactionIsRefused() {
        inOneTransaction(() -> intake.accept(TestOrders.placeOrder(orderId)));

        inOneTransaction(() -> {
            intake.accept(TestOrders.placeOrder(orderId));
            decisions.approve(new ApproveOrder(orderId));
            cancellations.accept(new CancelOrder(orderId, "changed my mind"));
        });

        assertThat(statusOf(orderId)).isEqualTo("APPROVED");
        assertThat(countLines(orderId)).isEqualTo(2);
    }

    private void inOneTransaction(Runnable handlers) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> handlers.run());
    }
}
