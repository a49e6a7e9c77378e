package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.SagaState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
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

    SagaMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.orphanReplies = Counter.builder("saga.replies.orphaned")
                .description("Replies or order events for an order that has no saga")
                .register(registry);
    }

    void started(String definition) {
        afterCommit(() -> counter("saga.started", "Sagas started", definition).increment());
    }

    void ended(String definition, SagaState state, Duration duration) {
        afterCommit(() -> {
            String name = state == SagaState.COMPLETED ? "saga.completed" : "saga.compensated";
            counter(name, "Sagas that ended " + state, definition).increment();
            Timer.builder("saga.duration")
                    .description("From the saga's start to its final state")
                    .tag("definition", definition)
                    .tag("outcome", state.name())
                    .register(registry)
                    .record(duration);
        });
    }

    /** @param action {@code resent} or {@code compensated} */
    void stepTimedOut(String step, String action) {
        afterCommit(() -> Counter.builder("saga.step.timeouts")
                .description("Step deadlines that passed, by what the saga did about it")
                .tag("step", step)
                .tag("action", action)
                .register(registry)
                .increment());
    }

    /** @param action {@code retried}, or {@code compensated} once the step's retry budget was spent */
    void transientFailure(String step, String action) {
        afterCommit(() -> Counter.builder("saga.step.transient.failures")
                .description("Replies saying a participant could not act for now, by what the saga did about it")
                .tag("step", step)
                .tag("action", action)
                .register(registry)
                .increment());
    }

    void operatorAction(String action, String outcome) {
        afterCommit(() -> Counter.builder("saga.operator.actions")
                .description("Retries and compensations asked for by operators")
                .tag("action", action)
                .tag("outcome", outcome)
                .register(registry)
                .increment());
    }

    void orphanReply() {
        afterCommit(orphanReplies::increment);
    }

    private Counter counter(String name, String description, String definition) {
        return Counter.builder(name).description(description).tag("definition", definition).register(registry);
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
