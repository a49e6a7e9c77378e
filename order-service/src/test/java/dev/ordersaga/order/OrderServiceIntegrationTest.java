package dev.ordersaga.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.infra.TestInfrastructure;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.testkit.KafkaTestClient;
import dev.ordersaga.testkit.ReceivedRecord;
import dev.ordersaga.testkit.SharedKafkaTestClient;
import dev.ordersaga.testkit.StatementRecording;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The whole service against real PostgreSQL and real Kafka (embedded-infra), driven like production:
 * records in, records and rows out. Every IT class extends this unchanged, so they share one context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementRecording.class)
public abstract class OrderServiceIntegrationTest {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "orders", "order_service");
    }

    /** Publishes like the producers and the orchestrator do; reads what the service published on order.events. */
    protected static KafkaTestClient kafka() {
        return SharedKafkaTestClient.readingFrom(Topics.ORDER_EVENTS);
    }

    protected ResultActions postOrder(PlaceOrder request) throws Exception {
        return mvc.perform(post("/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(request)));
    }

    protected void placeViaRest(PlaceOrder request) throws Exception {
        postOrder(request).andExpect(status().isAccepted());
    }

    protected String statusOf(UUID orderId) {
        return jdbc.query("SELECT status FROM orders WHERE id = ?",
                rows -> rows.next() ? rows.getString(1) : null, orderId);
    }

    protected void awaitStatus(UUID orderId, String status) {
        await().atMost(KafkaTestClient.TIMEOUT).until(() -> status.equals(statusOf(orderId)));
    }

    protected int countOrders(UUID orderId) {
        return jdbc.queryForObject("SELECT count(*) FROM orders WHERE id = ?", Integer.class, orderId);
    }

    protected int countLines(UUID orderId) {
        return jdbc.queryForObject("SELECT count(*) FROM order_lines WHERE order_id = ?", Integer.class, orderId);
    }

    /** The inbox row commits with the handler's effect: once it is there, the message was handled, not dead-lettered. */
    protected void awaitHandled(UUID messageId) {
        await().atMost(KafkaTestClient.TIMEOUT).untilAsserted(() -> assertThat(
                jdbc.queryForObject("SELECT count(*) FROM inbox WHERE message_id = ?", Integer.class, messageId))
                .isEqualTo(1));
    }

    /**
     * Sends ApproveOrder and returns the types of every event the order published, up to OrderApproved.
     * Approval is a fence: one order's events share a partition in commit order, so whatever the order
     * published earlier (a duplicate OrderPlaced, say) is among what is read before it.
     */
    protected List<String> eventTypesUpToApproval(UUID orderId) {
        kafka().send(new ApproveOrder(orderId));
        List<String> types = kafka().awaitRecords(orderId.toString(),
                        seen -> seen.stream().anyMatch(record -> record.carries(OrderApproved.class)))
                .stream().map(ReceivedRecord::type).toList();
        return types.subList(0, types.indexOf("OrderApproved") + 1);
    }
}
