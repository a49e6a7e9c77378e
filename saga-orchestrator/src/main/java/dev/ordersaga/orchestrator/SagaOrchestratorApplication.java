package dev.ordersaga.orchestrator;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Drives the create-order saga: consumes order events and participant replies, sends the next commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SagaOrchestratorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SagaOrchestratorApplication.class, args);
    }

    /** One clock for deadlines, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
