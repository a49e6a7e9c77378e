package dev.ordersaga.orchestrator.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SagaPropertiesTest {

    private final SagaProperties properties = new SagaProperties(Duration.ofSeconds(30),
            Map.of("charge-payment", Duration.ofSeconds(45)), 3, 2.0, Duration.ofMinutes(5), Duration.ofSeconds(2),
            Duration.ofMinutes(2), Map.of("charge-payment", Duration.ofMinutes(10)), Duration.ofSeconds(1), 100);

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
    void eachFurtherAttemptWaitsLongerUpToTheMaximum() {
        assertThat(properties.replyTimeout("reserve-inventory", Optional.empty(), 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.replyTimeout("reserve-inventory", Optional.empty(), 2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.replyTimeout("reserve-inventory", Optional.empty(), 3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(properties.replyTimeout("reserve-inventory", Optional.empty(), 5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.replyTimeout("reserve-inventory", Optional.empty(), 1_000))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aStepTimeoutAboveTheMaximumDelayIsNeverShortened() {
        SagaProperties slow = new SagaProperties(Duration.ofMinutes(10), Map.of(), 3, 2.0, Duration.ofMinutes(5),
                Duration.ofSeconds(2), Duration.ofMinutes(2), Map.of(), Duration.ofSeconds(1), 100);

        assertThat(slow.replyTimeout("charge-payment", Optional.empty(), 1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(slow.replyTimeout("charge-payment", Optional.empty(), 3)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theTransientRetryDelayBacksOffWithEachTryLikeTheTimeouts() {
        assertThat(properties.transientRetryDelay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.transientRetryDelay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.transientRetryDelay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(properties.transientRetryDelay(20)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aTransientRetryBudgetConfiguredForTheStepWinsOverTheDefault() {
        assertThat(properties.transientRetryBudget("charge-payment")).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.transientRetryBudget("reserve-inventory")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aZeroTransientRetryBudgetIsAllowed() {
        SagaProperties noRetries = new SagaProperties(Duration.ofSeconds(30), Map.of(), 3, 2.0, Duration.ofMinutes(5),
                Duration.ofSeconds(2), Duration.ZERO, null, Duration.ofSeconds(1), 100);

        assertThat(noRetries.transientRetryBudget("charge-payment")).isEqualTo(Duration.ZERO);
    }

    @Test
    void theRetryPolicyCarriesTheMaximumAttempts() {
        assertThat(properties.retryPolicy().maxAttempts()).isEqualTo(3);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new SagaProperties(Duration.ZERO, Map.of(), 3, 2.0, Duration.ofMinutes(5),
                Duration.ofSeconds(2), Duration.ofMinutes(2), Map.of(), Duration.ofSeconds(1), 100))
                .hasMessageContaining("saga.default-step-timeout");
        assertThatThrownBy(() -> new SagaProperties(Duration.ofSeconds(30), Map.of("a", Duration.ofSeconds(-1)), 3,
                2.0, Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofMinutes(2), Map.of(),
                Duration.ofSeconds(1), 100))
                .hasMessageContaining("saga.step-timeouts.a");
        assertThatThrownBy(() -> new SagaProperties(Duration.ofSeconds(30), Map.of(), 0, 2.0, Duration.ofMinutes(5),
                Duration.ofSeconds(2), Duration.ofMinutes(2), Map.of(), Duration.ofSeconds(1), 100))
                .hasMessageContaining("saga.max-attempts");
        assertThatThrownBy(() -> new SagaProperties(Duration.ofSeconds(30), Map.of(), 3, 0.5, Duration.ofMinutes(5),
                Duration.ofSeconds(2), Duration.ofMinutes(2), Map.of(), Duration.ofSeconds(1), 100))
                .hasMessageContaining("saga.retry-backoff-multiplier");
        assertThatThrownBy(() -> new SagaProperties(Duration.ofSeconds(30), Map.of(), 3, Double.NaN,
                Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofMinutes(2), Map.of(), Duration.ofSeconds(1),
                100))
                .hasMessageContaining("saga.retry-backoff-multiplier");
        assertThatThrownBy(() -> new SagaProperties(Duration.ofSeconds(30), Map.of(), 3, 2.0, Duration.ofMinutes(5),
                Duration.ofSeconds(2), Duration.ofSeconds(-1), Map.of(), Duration.ofSeconds(1), 100))
                .hasMessageContaining("saga.transient-retry-budget");
        assertThatThrownBy(() -> new SagaProperties(Duration.ofSeconds(30), Map.of(), 3, 2.0, Duration.ofMinutes(5),
                Duration.ofSeconds(2), Duration.ofMinutes(2), Map.of("charge-payment", Duration.ofSeconds(-1)),
                Duration.ofSeconds(1), 100))
                .hasMessageContaining("saga.transient-retry-budgets.charge-payment");
        assertThatThrownBy(() -> new SagaProperties(Duration.ofSeconds(30), Map.of(), 3, 2.0, Duration.ofMinutes(5),
                Duration.ofSeconds(2), Duration.ofMinutes(2), Map.of(), Duration.ZERO, 100))
                .hasMessageContaining("saga.deadline-poll-interval");
        assertThatThrownBy(() -> new SagaProperties(Duration.ofSeconds(30), Map.of(), 3, 2.0, Duration.ofMinutes(5),
                Duration.ofSeconds(2), Duration.ofMinutes(2), Map.of(), Duration.ofSeconds(1), 0))
                .hasMessageContaining("saga.deadline-batch-size");
    }
}
