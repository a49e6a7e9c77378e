package dev.ordersaga.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.ordersaga.infra.TestInfrastructure;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.OrderRequestRejected;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaTestClientIT {

    private static final String BOOTSTRAP_SERVERS = TestInfrastructure.get().kafkaBootstrapServers();
    private static KafkaTestClient client;

    private final UUID orderId = UUID.randomUUID();

    @BeforeAll
    static void declareTopicAndConnect() throws Exception {
        // Several partitions, as the services declare them: order within a key must still hold.
        createTopic(Topics.ORDER_EVENTS, 3);
        client = new KafkaTestClient(BOOTSTRAP_SERVERS, Topics.ORDER_EVENTS);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void aSentMessageIsKeyedByItsOrderIdAndCarriesTheEnvelopeOfTheRelay() {
        OrderApproved approved = new OrderApproved(orderId, Money.of(1_250, "EUR"));

        UUID messageId = client.send(approved);

        ReceivedRecord record = client.awaitRecord(orderId.toString(), OrderApproved.class);
        assertThat(record.topic()).isEqualTo(Topics.ORDER_EVENTS);
        assertThat(record.key()).isEqualTo(orderId.toString());
        assertThat(record.messageId()).isEqualTo(messageId);
        assertThat(record.type()).isEqualTo("OrderApproved");
        assertThat(record.header(Headers.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(record.message(OrderApproved.class)).isEqualTo(approved);
    }

    @Test
    void awaitMessagesReturnsEveryMessageOfThatTypeForTheOrderInPublishOrder() {
        client.send(new OrderRejected(orderId, "first"));
        client.send(new OrderApproved(orderId, Money.of(1, "EUR")));
        client.send(new OrderRejected(UUID.randomUUID(), "another order"));
        client.send(new OrderRejected(orderId, "second"));

        assertThat(client.awaitMessages(orderId, OrderRejected.class, 2))
                .containsExactly(new OrderRejected(orderId, "first"), new OrderRejected(orderId, "second"));
        assertThat(client.awaitMessage(orderId, OrderApproved.class))
                .isEqualTo(new OrderApproved(orderId, Money.of(1, "EUR")));
    }

    @Test
    void awaitingAnExpectedMessageMatchesItsContentNotOnlyItsType() {
        client.send(new OrderRejected(orderId, "first"));
        UUID secondId = client.send(new OrderRejected(orderId, "second"));

        ReceivedRecord record = client.awaitRecord(new OrderRejected(orderId, "second"));

        assertThat(record.messageId()).isEqualTo(secondId);
    }

    @Test
    void awaitRecordsWaitsUntilTheConditionHoldsAndReturnsEveryRecordOfTheKey() {
        client.send(new OrderRejected(orderId, "first"));
        client.send(new OrderApproved(orderId, Money.of(1, "EUR")));

        List<ReceivedRecord> records = client.awaitRecords(orderId.toString(),
                seen -> seen.stream().anyMatch(record -> record.carries(OrderApproved.class)));

        assertThat(records).extracting(ReceivedRecord::type).containsExactly("OrderRejected", "OrderApproved");
        assertThat(client.recordsFor(orderId.toString())).extracting(ReceivedRecord::type)
                .containsExactly("OrderRejected", "OrderApproved");
    }

    @Test
    void aMessageWithoutOrderIdIsSentUnderTheGivenKeyAndNeverWithoutOne() {
        String key = "no-order-id-" + UUID.randomUUID();
        OrderRequestRejected rejected = new OrderRequestRejected(null, "PlaceOrder",
                List.of(new OrderRequestRejected.Violation("orderId", "must not be null")));

        client.send(rejected, key);

        assertThat(client.awaitRecord(key, OrderRequestRejected.class).message()).isEqualTo(rejected);
        assertThatNullPointerException().isThrownBy(() -> client.send(rejected));
    }

    @Test
    void aClientCreatedBeforeItsTopicExistsReadsItFromTheBeginningOnceDeclared() throws Exception {
        try (KafkaTestClient early = new KafkaTestClient(BOOTSTRAP_SERVERS, Topics.ORDER_COMMANDS)) {
            createTopic(Topics.ORDER_COMMANDS, 2);
            client.send(new ApproveOrder(orderId));

            assertThat(early.awaitMessage(orderId, ApproveOrder.class)).isEqualTo(new ApproveOrder(orderId));
        }
    }

    @Test
    void readingATopicThatWasNeverDeclaredFailsNamingIt() {
        try (KafkaTestClient lost = new KafkaTestClient(BOOTSTRAP_SERVERS, "testkit.undeclared")) {
            assertThatIllegalStateException().isThrownBy(() -> lost.recordsFor(orderId.toString()))
                    .withMessageContaining("testkit.undeclared");
        }
    }

    private static void createTopic(String topic, int partitions) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }
}
