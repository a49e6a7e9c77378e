package dev.ordersaga.order.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordersaga.order.OrderServiceIntegrationTest;
import dev.ordersaga.order.TestOrders;
import dev.ordersaga.testkit.KafkaTestClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Two identical requests racing: the winner is played by a transaction of the test that inserts the
 * order row and holds it uncommitted, so the service's insert of the same id is caught by the primary
 * key at a known moment. The loser must end as the ordinary duplicate no-op.
 */
class ConcurrentPlacementIT extends OrderServiceIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void restPlacementThatLosesTheRaceAnswers202WithTheWinnersOrderAndStoresNothing() throws Exception {
        UUID orderId = UUID.randomUUID();
        MvcResult result;
        try (Connection winner = dataSource.getConnection()) {
            winner.setAutoCommit(false);
            insertOrderRow(winner, orderId);

            CompletableFuture<MvcResult> loser = CompletableFuture.supplyAsync(() -> {
                try {
                    return postOrder(TestOrders.placeOrder(orderId)).andReturn();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitInsertBlockedOnTheWinner();
            winner.commit();
            result = loser.get(30, TimeUnit.SECONDS);
        }

        assertThat(result.getResponse().getStatus()).isEqualTo(202);
        assertThat(json.readTree(result.getResponse().getContentAsString()).get("status").asText())
                .isEqualTo("PENDING");
        assertThat(countOrders(orderId)).isEqualTo(1);
        assertThat(countLines(orderId)).as("the loser's lines").isZero();
        assertThat(eventTypesUpToApproval(orderId)).as("the loser sent no OrderPlaced").containsExactly("OrderApproved");
    }

    @Test
    void kafkaPlacementThatLosesTheRaceIsHandledAsANoOpNotDeadLettered() throws Exception {
        UUID orderId = UUID.randomUUID();
        UUID messageId;
        try (Connection winner = dataSource.getConnection()) {
            winner.setAutoCommit(false);
            insertOrderRow(winner, orderId);

            messageId = kafka().send(TestOrders.placeOrder(orderId));
            awaitInsertBlockedOnTheWinner();
            winner.commit();
        }

        awaitHandled(messageId);
        assertThat(countOrders(orderId)).isEqualTo(1);
        assertThat(countLines(orderId)).as("the loser's lines").isZero();
        assertThat(eventTypesUpToApproval(orderId)).as("the loser sent no OrderPlaced").containsExactly("OrderApproved");
    }

    private static void insertOrderRow(Connection connection, UUID orderId) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO orders (id, customer_id, status, currency, total_amount, version, created_at, updated_at)
                VALUES (?, 'winner', 'PENDING', 'EUR', 0, 0, now(), now())""")) {
            insert.setObject(1, orderId);
            insert.executeUpdate();
        }
    }

    private void awaitInsertBlockedOnTheWinner() {
        await().atMost(KafkaTestClient.TIMEOUT).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'insert into orders%'""",
                Integer.class) > 0);
    }
}
