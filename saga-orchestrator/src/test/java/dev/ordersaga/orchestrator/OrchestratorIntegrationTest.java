package dev.ordersaga.orchestrator;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.infra.TestInfrastructure;
import dev.ordersaga.testkit.StatementRecording;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one Spring context every integration test shares (same configuration, so Spring's test context
 * cache starts it once): the whole service on real PostgreSQL and a real Kafka broker.
 *
 * <p>Step timeouts keep their production values (a shared context cannot shorten them for one test without
 * making every other test race them); a test that needs a deadline to pass moves the {@link TestClock}. The
 * poller polls often and a transient failure is retried quickly, so those waits stay short in real time.
 */
@SpringBootTest(properties = {
        "saga.deadline-poll-interval=200ms",
        "saga.max-attempts=2",
        "saga.transient-retry-delay=300ms"})
@AutoConfigureMockMvc
// Boot tests switch metric exporters off by default; the Prometheus scrape is part of what is tested.
@AutoConfigureObservability(tracing = false)
@Import({StatementRecording.class, TestClock.Configuration.class})
public abstract class OrchestratorIntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ObjectMapper json;

    @Autowired
    protected TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "sagas", "saga_orchestrator");
    }

    /** GET /sagas/{orderId}, or null while there is no such saga. */
    protected JsonNode saga(UUID orderId) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/sagas/{id}", orderId)).andReturn().getResponse();
        return response.getStatus() == 404 ? null : json.readTree(response.getContentAsByteArray());
    }

    /** Waits until the saga of this order is in {@code state}, and returns it as the API shows it. */
    protected JsonNode awaitSagaState(UUID orderId, String state) {
        return awaitSaga(orderId, saga -> state.equals(saga.path("state").asText()));
    }

    /** Waits until the saga of this order exists and satisfies {@code condition}; returns it as the API shows it. */
    protected JsonNode awaitSaga(UUID orderId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> saga(orderId), saga -> saga != null && condition.test(saga));
    }
}
