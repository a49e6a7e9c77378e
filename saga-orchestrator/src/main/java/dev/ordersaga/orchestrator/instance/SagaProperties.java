package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code saga.*}: how long a step may wait for its reply, how often it is tried, and how the deadline poller
 * runs. A timeout configured for the step's name wins over the one the definition declares, which wins over
 * the default; a transient retry budget configured for the step's name wins over the default one.
 *
 * @param defaultStepTimeout     for steps that have neither
 * @param stepTimeouts           per step name, e.g. {@code charge-payment: 45s}
 * @param maxAttempts            sends of a step's commands that got no reply in time before the saga gives up
 *                               on it and compensates (tries after a transient failure count none)
 * @param retryBackoffMultiplier each further attempt waits this many times longer than the one before
 * @param maxRetryDelay          the longest a backed-off wait grows to (never below the step's own timeout)
 * @param transientRetryDelay    the wait before trying a step again after a transient failure, backed off alike
 *                               with each further failure, and never past the end of the step's budget
 * @param transientRetryBudget   how long a forward step keeps being tried after transient failures, from its
 *                               first send; a transient failure after that compensates. 0 compensates on the
 *                               first one. Compensations have no budget: they are retried for as long as it takes
 * @param transientRetryBudgets  per step name, e.g. {@code charge-payment: 10m}
 * @param deadlinePollInterval   pause between two polls for passed deadlines
 * @param deadlineBatchSize      sagas handled per poll at most
 */
@ConfigurationProperties("saga")
public record SagaProperties(@DefaultValue("30s") Duration defaultStepTimeout,
                             Map<String, Duration> stepTimeouts,
                             @DefaultValue("3") int maxAttempts,
                             @DefaultValue("2.0") double retryBackoffMultiplier,
                             @DefaultValue("5m") Duration maxRetryDelay,
                             @DefaultValue("2s") Duration transientRetryDelay,
                             @DefaultValue("2m") Duration transientRetryBudget,
                             Map<String, Duration> transientRetryBudgets,
                             @DefaultValue("1s") Duration deadlinePollInterval,
                             @DefaultValue("100") int deadlineBatchSize) {

    public SagaProperties {
        requirePositive(defaultStepTimeout, "saga.default-step-timeout");
        stepTimeouts = stepTimeouts == null ? Map.of() : Map.copyOf(stepTimeouts);
        stepTimeouts.forEach((step, timeout) -> requirePositive(timeout, "saga.step-timeouts." + step));
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("saga.max-attempts must be 1 or more, was " + maxAttempts);
        }
        if (!(retryBackoffMultiplier >= 1.0) || Double.isInfinite(retryBackoffMultiplier)) {
            throw new IllegalArgumentException(
                    "saga.retry-backoff-multiplier must be a number of at least 1.0, was " + retryBackoffMultiplier);
        }
        requirePositive(maxRetryDelay, "saga.max-retry-delay");
        requirePositive(transientRetryDelay, "saga.transient-retry-delay");
        requireNotNegative(transientRetryBudget, "saga.transient-retry-budget");
        transientRetryBudgets = transientRetryBudgets == null ? Map.of() : Map.copyOf(transientRetryBudgets);
        transientRetryBudgets.forEach((step, budget) ->
                requireNotNegative(budget, "saga.transient-retry-budgets." + step));
        requirePositive(deadlinePollInterval, "saga.deadline-poll-interval");
        if (deadlineBatchSize < 1) {
            throw new IllegalArgumentException("saga.deadline-batch-size must be 1 or more, was " + deadlineBatchSize);
        }
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts);
    }

    Duration stepTimeout(String step, Optional<Duration> declared) {
        Duration configured = stepTimeouts.get(step);
        if (configured != null) {
            return configured;
        }
        return declared.orElse(defaultStepTimeout);
    }

    /** How long attempt {@code attempt} (1 for the first send) of a step waits for its reply. */
    Duration replyTimeout(String step, Optional<Duration> declared, int attempt) {
        return backedOff(stepTimeout(step, declared), attempt);
    }

    /**
     * How long to wait before try {@code commandTry} of a step (1 after its first transient failure, 2 after
     * the second, ...), before the end of its budget is taken into account.
     */
    Duration transientRetryDelay(int commandTry) {
        return backedOff(transientRetryDelay, commandTry);
    }

    /** How long the step keeps being tried after transient failures, measured from its first send. */
    Duration transientRetryBudget(String step) {
        return transientRetryBudgets.getOrDefault(step, transientRetryBudget);
    }

    private Duration backedOff(Duration first, int attempt) {
        double factor = Math.pow(retryBackoffMultiplier, Math.max(0, attempt - 1));
        long cap = Math.max(first.toMillis(), maxRetryDelay.toMillis());
        double millis = first.toMillis() * factor;
        return millis >= cap ? Duration.ofMillis(cap) : Duration.ofMillis(Math.round(millis));
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be 0 or more, was " + value);
        }
    }
}
