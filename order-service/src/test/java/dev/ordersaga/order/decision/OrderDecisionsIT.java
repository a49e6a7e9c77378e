package dev.ordersaga.order.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.order.OrderServiceIntegrationTest;
import dev.ordersaga.order.TestOrders;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.RejectOrder;
import dev.ordersaga.testkit.ReceivedRecord;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderDecisionsIT extends OrderServiceIntegrationTest {

    @Test
    void approveOrderApprovesAPendingOrderAndPublishesOrderApprovedWithTheTotal() throws Exception {
        UUID orderId = UUID.randomUUID();
        placeViaRest(TestOrders.placeOrder(orderId));

        UUID approveId = kafka().send(new ApproveOrder(orderId));

        awaitStatus(orderId, "APPROVED");
        ReceivedRecord record = kafka().awaitRecord(orderId.toString(), OrderApproved.class);
        assertThat(record.header(Headers.CAUSATION_ID)).isEqualTo(approveId.toString());
        assertThat(record.message(OrderApproved.class))
                .isEqualTo(new OrderApproved(orderId, Money.of(TestOrders.TOTAL, "EUR")));
    }

    @Test
    void rejectOrderRejectsAPendingOrderWithTheReasonAndPublishesOrderRejected() throws Exception {
        UUID orderId = UUID.randomUUID();
        placeViaRest(TestOrders.placeOrder(orderId));

        kafka().send(new RejectOrder(orderId, "payment declined"));

        awaitStatus(orderId, "REJECTED");
        assertThat(jdbc.queryForObject("SELECT rejection_reason FROM orders WHERE id = ?", String.class, orderId))
                .isEqualTo("payment declined");
        ReceivedRecord record = kafka().awaitRecord(orderId.toString(), OrderRejected.class);
        assertThat(record.message(OrderRejected.class))
                .isEqualTo(new OrderRejected(orderId, "payment declined"));
    }

    @Test
    void approveOrderForARejectedOrderIsHandledWithoutEffect() throws Exception {
        UUID orderId = UUID.randomUUID();
        placeViaRest(TestOrders.placeOrder(orderId));
        kafka().send(new RejectOrder(orderId, "out of stock"));
        awaitStatus(orderId, "REJECTED");
        long version = versionOf(orderId);

        UUID approveId = kafka().send(new ApproveOrder(orderId));

        awaitHandled(approveId);
        assertThat(statusOf(orderId)).isEqualTo("REJECTED");
        assertThat(versionOf(orderId)).isEqualTo(version);
    }

    private long versionOf(UUID orderId) {
        return jdbc.queryForObject("SELECT version FROM orders WHERE id = ?", Long.class, orderId);
    }
}
