package dev.ordersaga.orchestrator;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.infra.TestInfrastructure;
import dev.ordersaga.testkit.StatementRecording;
import java.time.Duration;
import java.util.UUID;
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
 */
@SpringBootTest
@AutoConfigureMockMvc
// Boot tests switch metric exporters off by default; the Prometheus scrape is part of what is tested.
@AutoConfigureObservability(tracing = false)
@Import(StatementRecording.class)
public abstract class OrchestratorIntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ObjectMapper json;

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
        return await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> saga(orderId), saga -> saga != null && state.equals(saga.path("state").asText()));
    }
}
