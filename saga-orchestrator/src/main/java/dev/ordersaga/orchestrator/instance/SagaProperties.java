package dev.ordersaga.orchestrator.instance;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code saga.*}: how long a step may wait for its reply. A timeout configured for the step's name wins
 * over the one the definition declares, which wins over the default.
 *
 * @param defaultStepTimeout for steps that have neither
 * @param stepTimeouts       per step name, e.g. {@code charge-payment: 45s}
 */
@ConfigurationProperties("saga")
public record SagaProperties(@DefaultValue("30s") Duration defaultStepTimeout, Map<String, Duration> stepTimeouts) {

    public SagaProperties {
        if (defaultStepTimeout.isNegative() || defaultStepTimeout.isZero()) {
            throw new IllegalArgumentException("saga.default-step-timeout must be positive");
        }
        stepTimeouts = stepTimeouts == null ? Map.of() : Map.copyOf(stepTimeouts);
    }

    Duration stepTimeout(String step, Optional<Duration> declared) {
        Duration configured = stepTimeouts.get(step);
        if (configured != null) {
            return configured;
        }
        return declared.orElse(defaultStepTimeout);
    }
}
