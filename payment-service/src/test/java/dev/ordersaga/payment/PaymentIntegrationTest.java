package dev.ordersaga.payment;

import dev.ordersaga.infra.TestInfrastructure;
import dev.ordersaga.provider.Behaviour;
import dev.ordersaga.provider.PaymentProviderSimulator;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.testkit.KafkaTestClient;
import dev.ordersaga.testkit.SharedKafkaTestClient;
import dev.ordersaga.testkit.StatementRecording;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of every integration test: the service on real PostgreSQL and real Kafka from embedded-infra, charging
 * through the simulated payment provider, embedded. Every subclass has the same configuration, so they all share
 * one application context (and one circuit breaker, closed again before each test).
 */
@SpringBootTest(properties = {
        // Shorter than in production, so that the tests that time out captures or open the circuit stay quick. The
        // open state outlasts the reply's trip through the relay on a busy machine, for the test that watches it.
        "resilience4j.timelimiter.instances.paymentProvider.timeout-duration=1s",
        "resilience4j.circuitbreaker.instances.paymentProvider.wait-duration-in-open-state=3s"})
@AutoConfigureMockMvc
@Import(StatementRecording.class)
public abstract class PaymentIntegrationTest {

    /** One provider per JVM, like the database and the broker; its behaviour is normal again before each test. */
    protected static final PaymentProviderSimulator provider = PaymentProviderSimulator.start(0, Behaviour.normal());

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MockMvc mockMvc;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "payments", "payment_service");
        registry.add("payment.provider.url", () -> provider.baseUrl().toString());
    }

    @BeforeEach
    void healthyProvider() {
        provider.behaviour(Behaviour.normal());
        providerCircuit().reset();
    }

    protected CircuitBreaker providerCircuit() {
        return circuitBreakers.circuitBreaker("paymentProvider");
    }

    /** Publishes commands as the orchestrator does; reads the replies the service published. */
    protected static KafkaTestClient kafka() {
        return SharedKafkaTestClient.readingFrom(Topics.SAGA_REPLIES);
    }

    /** A customer no other test uses, so tests sharing the database never see each other's accounts. */
    protected static String uniqueCustomer() {
        return "customer-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An account without a token, written directly: fixtures, not the behaviour under test. */
    protected void seedAccount(String customerId, long balance, String currency) {
        jdbc.update("""
                INSERT INTO accounts (customer_id, balance_amount, currency, version, created_at, updated_at)
                VALUES (?, ?, ?, 0, now(), now())""", customerId, balance, currency);
    }

    protected long balanceOf(String customerId) {
        return jdbc.queryForObject("SELECT balance_amount FROM accounts WHERE customer_id = ?", Long.class,
                customerId);
    }
}
