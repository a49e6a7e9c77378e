package dev.ordersaga.messaging.testapp;

import dev.ordersaga.infra.TestInfrastructure;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.schema.Message;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the integration tests: the test service on the JVM's embedded PostgreSQL and Kafka, in its
 * own database and role. Every subclass shares one application context (same configuration).
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class MessagingIntegrationTest {

    public static final String DATABASE = "messaging_it";

    @Autowired
    protected Outbox outbox;
    @Autowired
    protected TransactionTemplate transactions;
    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, DATABASE, DATABASE);
    }

    protected static String bootstrapServers() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    protected static TopicProbe probe(String topic) {
        return TopicProbe.fromNow(bootstrapServers(), topic);
    }

    /** Sends through the outbox in a transaction that commits. */
    protected UUID sendCommitted(Message message) {
        return transactions.execute(status -> outbox.send(message));
    }
}
