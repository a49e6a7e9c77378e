package dev.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.messaging.testapp.MessagingTestApplication;
import dev.ordersaga.messaging.testapp.TopicProbe;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.InventoryReserved;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The relay against containerized PostgreSQL and Kafka, where Docker exists; skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.application.name=messaging-tc")
class TestcontainersRelayIT {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17")
            .withCommand("postgres", "-c", "fsync=off", "-c", "wal_level=logical");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @Autowired
    private Outbox outbox;
    @Autowired
    private TransactionTemplate transactions;

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }

    @Test
    void publishesACommittedOutboxRowToKafka() {
        UUID orderId = UUID.randomUUID();
        try (TopicProbe replies = TopicProbe.fromNow(KAFKA.getBootstrapServers(), Topics.SAGA_REPLIES)) {
            UUID messageId = transactions.execute(status -> outbox.send(new InventoryReserved(orderId)));

            ConsumerRecord<String, byte[]> record = replies.awaitMessage(messageId);

            assertThat(record.key()).isEqualTo(orderId.toString());
        }
    }
}
