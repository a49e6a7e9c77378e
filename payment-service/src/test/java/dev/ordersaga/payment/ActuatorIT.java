package dev.ordersaga.payment;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

class ActuatorIT extends PaymentIntegrationTest {

    @Test
    void healthIsUpWithTheDatabaseAndTheProvidersCircuitInIt() throws Exception {
        mockMvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.circuitBreakers.details.paymentProvider.details.state")
                        .value("CLOSED"));
    }

    @Test
    void theProvidersResilienceIsInspectableAndMeasured() throws Exception {
        mockMvc.perform(get("/actuator/circuitbreakers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.circuitBreakers.paymentProvider.state").value("CLOSED"));
        mockMvc.perform(get("/actuator/retries"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retries").value(hasItem("paymentProvider")));
        // Tests run without the Prometheus exporter; the same meters behind /actuator/prometheus:
        mockMvc.perform(get("/actuator/metrics/resilience4j.circuitbreaker.state")
                        .param("tag", "name:paymentProvider", "state:closed"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[0].value").value(1.0));
        mockMvc.perform(get("/actuator/metrics/resilience4j.retry.calls").param("tag", "name:paymentProvider"))
                .andExpect(status().isOk());
    }
}
