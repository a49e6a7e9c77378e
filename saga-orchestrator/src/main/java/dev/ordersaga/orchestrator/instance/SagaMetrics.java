package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.SagaState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sagas started, completed and compensated, how long they took from start to end, steps that timed out or
 * failed transiently, and operator actions. Counted after the transaction commits, so a handler retried after
 * a lock conflict is counted once.
 */
@Component
class SagaMetrics {

    private final MeterRegistry registry;
    private final Counter orphanReplies;
    /**
     * Meters by name and tag values. Building and registering a meter looks it up in the registry under a
     * lock on every call; under load that was a measurable share of a handler's time, and the tag values
     * (definitions, steps, outcomes) are few and fixed.
     */
    private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();

    SagaMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.orphanReplies = Counter.builder("saga.replies.orphaned")
                .description("Replies or order events for an order that has no saga")
                .register(registry);
    }

    void started(String definition) {
        Counter started = counter("saga.started", "Sagas started", "definition", definition);
        afterCommit(started::increment);
    }

    void ended(String definition, SagaState state, Duration duration) {
        String name = state == SagaState.COMPLETED ? "saga.completed" : "saga.compensated";
        Counter ended = counter(name, "Sagas that ended " + state, "definition", definition);
        Timer took = timers.computeIfAbsent(new MeterKey("saga.duration", definition, state.name()),
                key -> Timer.builder(key.name())
                        .description("From the saga's start to its final state")
                        .tag("definition", definition)
                        .tag("outcome", state.name())
                        .register(registry));
        afterCommit(() -> {
            ended.increment();
            took.record(duration);
        });
    }

    /** @param action {@code resent} or {@code compensated} */
    void stepTimedOut(String step, String action) {
        afterCommit(counter("saga.step.timeouts", "Step deadlines that passed, by what the saga did about it",
                "step", step, "action", action)::increment);
    }

    /** @param action {@code retried}, or {@code compensated} once the step's retry budget was spent */
    void transientFailure(String step, String action) {
        afterCommit(counter("saga.step.transient.failures",
                "Replies saying a participant could not act for now, by what the saga did about it",
                "step", step, "action", action)::increment);
    }

    void operatorAction(String action, String outcome) {
        afterCommit(counter("saga.operator.actions", "Retries and compensations asked for by operators",
                "action", action, "outcome", outcome)::increment);
    }

    void orphanReply() {
        afterCommit(orphanReplies::increment);
    }

    /** A counter with one tag. */
    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(new MeterKey(name, value, null), key ->
                Counter.builder(name).description(description).tag(tag, value).register(registry));
    }

    /** A counter with two tags. */
    private Counter counter(String name, String description, String tag, String value, String otherTag,
                            String otherValue) {
        return counters.computeIfAbsent(new MeterKey(name, value, otherValue), key ->
                Counter.builder(name).description(description).tag(tag, value).tag(otherTag, otherValue)
                        .register(registry));
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** A meter's name and its tag values, in the order the meter declares its tags. */
    private record MeterKey(String name, String value, String otherValue) {
    }
}
