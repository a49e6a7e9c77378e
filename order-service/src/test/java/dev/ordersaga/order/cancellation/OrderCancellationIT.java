package dev.ordersaga.order.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.order.OrderServiceIntegrationTest;
import dev.ordersaga.order.TestOrders;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderCancellationRequested;
import dev.ordersaga.schema.order.OrderCancelled;
import dev.ordersaga.schema.order.OrderRequestRejected;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import dev.ordersaga.schema.order.RejectOrder;
import dev.ordersaga.testkit.KafkaTestClient;
import dev.ordersaga.testkit.ReceivedRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** CancelOrder over Kafka and REST, and how the saga's ApproveOrder and RejectOrder meet a cancelled order. */
class OrderCancellationIT extends OrderServiceIntegrationTest {

    private static final String TOO_LONG = "r".repeat(501);

    @Autowired
    private DataSource dataSource;

    private final UUID orderId = UUID.randomUUID();
    private final String customerId = "customer-" + UUID.randomUUID();

    @Test
    void cancelOrderRecordMakesAPendingOrderCancellingAndPublishesOrderCancellationRequested() throws Exception {
        place();

        UUID cancelId = kafka().send(new CancelOrder(orderId, "changed my mind"));

        awaitStatus(orderId, "CANCELLING");
        assertThat(jdbc.queryForObject("SELECT cancellation_reason FROM orders WHERE id = ?", String.class, orderId))
                .isEqualTo("changed my mind");
        ReceivedRecord record = kafka().awaitRecord(orderId.toString(), OrderCancellationRequested.class);
        assertThat(record.header(Headers.CAUSATION_ID)).isEqualTo(cancelId.toString());
        assertThat(record.message(OrderCancellationRequested.class))
                .isEqualTo(new OrderCancellationRequested(orderId, "changed my mind"));
    }

    @Test
    void postingCancelForAPendingOrderAnswers202WithTheCancellingOrder() throws Exception {
        place();

        postCancel("changed my mind")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.orderId").value(orderId.toString()))
                .andExpect(jsonPath("$.status").value("CANCELLING"))
                .andExpect(jsonPath("$.cancellationReason").value("changed my mind"))
                .andExpect(jsonPath("$.cancellationRequestedAt").isNotEmpty())
                .andExpect(jsonPath("$.lines", hasSize(2)));

        assertThat(statusOf(orderId)).isEqualTo("CANCELLING");
        assertThat(kafka().awaitMessage(orderId, OrderCancellationRequested.class))
                .isEqualTo(new OrderCancellationRequested(orderId, "changed my mind"));
    }

    @Test
    void postingCancelWithoutABodyCancelsWithoutAReason() throws Exception {
        place();

        mvc.perform(post("/orders/{orderId}/cancel", orderId))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CANCELLING"))
                .andExpect(jsonPath("$.cancellationReason").isEmpty());

        assertThat(kafka().awaitMessage(orderId, OrderCancellationRequested.class))
                .isEqualTo(new OrderCancellationRequested(orderId, null));
    }

    @Test
    void aRepeatedCancelChangesNothingAndPublishesOneOrderCancellationRequested() throws Exception {
        place();
        kafka().send(new CancelOrder(orderId, "first"));
        UUID repeatId = kafka().send(new CancelOrder(orderId, "second"));
        awaitHandled(repeatId);

        postCancel("third")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLING"))
                .andExpect(jsonPath("$.cancellationReason").value("first"));

        assertThat(eventTypesUpToAFence())
                .containsExactly("OrderPlaced", "OrderCancellationRequested", "OrderRequestRejected");
    }

    @Test
    void cancellingAnApprovedOrderIsRefusedWithOrderRequestRejectedAndOverRestWith409() throws Exception {
        place();
        kafka().send(new ApproveOrder(orderId));
        awaitStatus(orderId, "APPROVED");
        String refusal = "order " + orderId + " is APPROVED and can no longer be cancelled";

        UUID cancelId = kafka().send(new CancelOrder(orderId, "too late"));

        ReceivedRecord record = kafka().awaitRecord(orderId.toString(), OrderRequestRejected.class);
        assertThat(record.header(Headers.CAUSATION_ID)).isEqualTo(cancelId.toString());
        assertThat(record.message(OrderRequestRejected.class)).isEqualTo(
                new OrderRequestRejected(orderId, "CancelOrder", List.of(new Violation("orderId", refusal))));
        postCancel("too late")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(refusal));
        assertThat(statusOf(orderId)).isEqualTo("APPROVED");
    }

    @Test
    void cancellingARejectedOrderIsRefusedBecauseThereIsNothingToCancel() throws Exception {
        place();
        kafka().send(new RejectOrder(orderId, "out of stock"));
        awaitStatus(orderId, "REJECTED");
        String refusal = "order " + orderId + " is REJECTED; there is nothing to cancel";

        postCancel("never mind")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(refusal));
        kafka().send(new CancelOrder(orderId, "never mind"));

        assertThat(kafka().awaitMessage(orderId, OrderRequestRejected.class)).isEqualTo(
                new OrderRequestRejected(orderId, "CancelOrder", List.of(new Violation("orderId", refusal))));
        assertThat(statusOf(orderId)).isEqualTo("REJECTED");
    }

    @Test
    void cancellingAnUnknownOrderIsRejectedAndOverRestAnswers404() throws Exception {
        kafka().send(new CancelOrder(orderId, "who knows"));

        assertThat(kafka().awaitMessage(orderId, OrderRequestRejected.class)).isEqualTo(new OrderRequestRejected(
                orderId, "CancelOrder", List.of(new Violation("orderId", "no order " + orderId))));
        postCancel("who knows")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(countOrders(orderId)).isZero();
    }

    @Test
    void cancelOrderWithoutOrderIdIsRejectedOnTheRequestsOwnKey() {
        String key = "no-order-id-" + UUID.randomUUID();

        kafka().send(new CancelOrder(null, "changed my mind"), key);

        OrderRequestRejected rejected =
                kafka().awaitRecord(key, OrderRequestRejected.class).message(OrderRequestRejected.class);
        assertThat(rejected).isEqualTo(
                new OrderRequestRejected(null, "CancelOrder", List.of(new Violation("orderId", "is required"))));
    }

    @Test
    void aReasonOver500CharactersIsRefusedWith400AndOverKafkaWithOrderRequestRejected() throws Exception {
        place();

        postCancel(TOO_LONG)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[*].field", contains("reason")));
        kafka().send(new CancelOrder(orderId, TOO_LONG));

        assertThat(kafka().awaitMessage(orderId, OrderRequestRejected.class).violations())
                .containsExactly(new Violation("reason", "must be at most 500 characters"));
        assertThat(statusOf(orderId)).isEqualTo("PENDING");
    }

    @Test
    void postingCancelWithANonUuidOrderIdAnswers400() throws Exception {
        mvc.perform(post("/orders/{orderId}/cancel", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("orderId"));
    }

    @Test
    void approveOrderForACancellingOrderIsIgnored() throws Exception {
        place();
        kafka().send(new CancelOrder(orderId, "changed my mind"));
        awaitStatus(orderId, "CANCELLING");
        long version = versionOf(orderId);

        UUID approveId = kafka().send(new ApproveOrder(orderId));

        awaitHandled(approveId);
        assertThat(statusOf(orderId)).isEqualTo("CANCELLING");
        assertThat(versionOf(orderId)).isEqualTo(version);
        assertThat(eventTypesUpToAFence()).doesNotContain("OrderApproved");
    }

    @Test
    void rejectOrderForACancellingOrderCompletesItAsCancelledWithTheProducersReason() throws Exception {
        place();
        kafka().send(new CancelOrder(orderId, "changed my mind"));
        awaitStatus(orderId, "CANCELLING");

        UUID rejectId = kafka().send(new RejectOrder(orderId, "cancelled by the producer"));

        awaitStatus(orderId, "CANCELLED");
        ReceivedRecord record = kafka().awaitRecord(orderId.toString(), OrderCancelled.class);
        assertThat(record.header(Headers.CAUSATION_ID)).isEqualTo(rejectId.toString());
        assertThat(record.message(OrderCancelled.class)).isEqualTo(new OrderCancelled(orderId, "changed my mind"));
        assertThat(jdbc.queryForObject("SELECT rejection_reason FROM orders WHERE id = ?", String.class, orderId))
                .isNull();

        UUID repeatId = kafka().send(new RejectOrder(orderId, "cancelled by the producer"));
        awaitHandled(repeatId);
        assertThat(eventTypesUpToAFence()).containsExactly(
                "OrderPlaced", "OrderCancellationRequested", "OrderCancelled", "OrderRequestRejected");
    }

    @Test
    void gettingAndSearchingShowTheCancellation() throws Exception {
        place();
        postCancel("changed my mind").andExpect(status().isAccepted());

        mvc.perform(get("/orders/{orderId}", orderId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLING"))
                .andExpect(jsonPath("$.cancellationReason").value("changed my mind"))
                .andExpect(jsonPath("$.cancellationRequestedAt").isNotEmpty());
        mvc.perform(get("/orders").param("customerId", customerId).param("status", "CANCELLING"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].orderId", contains(orderId.toString())))
                .andExpect(jsonPath("$.content[0].cancellationReason").value("changed my mind"));
        mvc.perform(get("/orders").param("customerId", customerId).param("status", "CANCELLED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content", hasSize(0)));
    }

    /**
     * The approval is played by a transaction of the test that updates the row and holds it uncommitted, so the
     * cancel's update waits on it and then fails its version check at a known moment.
     */
    @Test
    void aCancelThatLosesARaceWithTheApprovalIsRetriedAndRefused() throws Exception {
        place();
        MvcResult result;
        try (Connection approval = dataSource.getConnection()) {
            approval.setAutoCommit(false);
            approveWithoutCommitting(approval);

            CompletableFuture<MvcResult> cancel = CompletableFuture.supplyAsync(() -> {
                try {
                    return postCancel("changed my mind").andReturn();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitUpdateBlockedOnTheApproval();
            approval.commit();
            result = cancel.get(30, TimeUnit.SECONDS);
        }

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(statusOf(orderId)).isEqualTo("APPROVED");
        assertThat(eventTypesUpToAFence()).as("the losing cancel sent nothing")
                .containsExactly("OrderPlaced", "OrderRequestRejected");
    }

    private void place() throws Exception {
        placeViaRest(TestOrders.placeOrder(orderId, customerId));
    }

    private ResultActions postCancel(String reason) throws Exception {
        return mvc.perform(post("/orders/{orderId}/cancel", orderId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(new CancelBody(reason))));
    }

    private long versionOf(UUID id) {
        return jdbc.queryForObject("SELECT version FROM orders WHERE id = ?", Long.class, id);
    }

    /**
     * The types of every event the order published, up to the answer to an invalid CancelOrder (a reason too
     * long), which the service sends whatever the order's state. It is the fence: one order's events share a
     * partition in commit order, so whatever the order published earlier is read before it.
     */
    private List<String> eventTypesUpToAFence() {
        OrderRequestRejected fence = new OrderRequestRejected(orderId, "CancelOrder",
                List.of(new Violation("reason", "must be at most 500 characters")));
        kafka().send(new CancelOrder(orderId, TOO_LONG));
        kafka().awaitRecord(fence);
        List<ReceivedRecord> records = kafka().recordsFor(orderId.toString());
        List<String> types = records.stream().map(ReceivedRecord::type).toList();
        int fenceIndex = records.stream().map(ReceivedRecord::message).toList().indexOf(fence);
        return types.subList(0, fenceIndex + 1);
    }

    private void approveWithoutCommitting(Connection connection) throws Exception {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE orders SET status = 'APPROVED', version = version + 1 WHERE id = ?")) {
            update.setObject(1, orderId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private void awaitUpdateBlockedOnTheApproval() {
        await().atMost(KafkaTestClient.TIMEOUT).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'update orders%'""",
                Integer.class) > 0);
    }

    /** The JSON body of POST /orders/{orderId}/cancel. */
    private record CancelBody(String reason) {
    }
}
