package dev.ordersaga.orchestrator.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SagaPropertiesTest {

    private final SagaProperties properties =
            new SagaProperties(Duration.ofSeconds(30), Map.of("charge-payment", Duration.ofSeconds(45)));

    @Test
    void configuredStepTimeoutWinsOverTheDeclaredOne() {
        assertThat(properties.stepTimeout("charge-payment", Optional.of(Duration.ofSeconds(5))))
                .isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void declaredStepTimeoutWinsOverTheDefault() {
        assertThat(properties.stepTimeout("reserve-inventory", Optional.of(Duration.ofSeconds(5))))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void otherwiseTheDefaultApplies() {
        assertThat(properties.stepTimeout("reserve-inventory", Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void rejectsANonPositiveDefault() {
        assertThatThrownBy(() -> new SagaProperties(Duration.ZERO, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
