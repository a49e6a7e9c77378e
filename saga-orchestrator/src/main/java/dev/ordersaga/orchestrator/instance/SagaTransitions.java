package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.orchestrator.saga.HistoryEntry;
import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaCommand;
import dev.ordersaga.orchestrator.saga.SagaDefinition;
import dev.ordersaga.orchestrator.saga.SagaState;
import dev.ordersaga.orchestrator.saga.TransientRetryBudget;
import dev.ordersaga.orchestrator.saga.Transition;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the engine's decisions, whatever caused them (a message, a passed deadline, an operator): the
 * instance's new state and deadline, its history, and its commands through the outbox, all in the caller's
 * transaction.
 */
@Component
class SagaTransitions {

    private static final Logger log = LoggerFactory.getLogger(SagaTransitions.class);

    private final SagaStore store;
    private final SagaProperties properties;
    private final SagaMetrics metrics;
    private final Outbox outbox;
    private final Clock clock;

    SagaTransitions(SagaStore store, SagaProperties properties, SagaMetrics metrics, Outbox outbox,
                    Clock clock) {
        this.store = store;
        this.properties = properties;
        this.metrics = metrics;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new instance from the engine's start, with its first step started now; not stored yet. */
    SagaInstance start(SagaDefinition<OrderSagaData> definition, Transition<OrderSagaData> started) {
        Instant now = clock.instant();
        return SagaInstance.start(definition, started, now, deadlineOf(null, started, now));
    }

    /**
     * Takes and stores a decision that changes the instance, and counts the saga's end if it is one.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException the saga changed since it was read
     */
    void apply(SagaInstance instance, Transition<OrderSagaData> transition) {
        if (!transition.changed()) {
            return;
        }
        Instant now = clock.instant();
        instance.apply(transition, now, deadlineOf(instance, transition, now));
        store.update(instance);
        if (transition.state().isFinal()) {
            metrics.ended(instance.getDefinitionName(), transition.state(),
                    Duration.between(instance.getCreatedAt(), clock.instant()));
            if (transition.state() == SagaState.COMPLETED) {
                log.debug("Saga {} ended {}", instance.getSagaId(), transition.state());
            } else {
                log.info("Saga {} ended {}", instance.getSagaId(), transition.state());
            }
        }
    }

    /** Appends the history, naming the handled message where an entry is about it, and sends the commands. */
    void record(SagaInstance instance, Transition<OrderSagaData> transition, Message incoming, UUID incomingId) {
        String incomingType = MessageType.of(incoming).typeName();
        record(instance, transition, entry -> entry.withIncomingMessage(incomingType, incomingId));
    }

    /** Appends the history and sends the commands of a decision no message caused (a deadline, an operator). */
    void record(SagaInstance instance, Transition<OrderSagaData> transition) {
        record(instance, transition, UnaryOperator.identity());
    }

    /**
     * What is left of the current step's transient retry budget now: spent once its end has come, so that
     * no further try would fit in it.
     */
    TransientRetryBudget transientRetryBudget(SagaInstance instance, String step) {
        Instant now = clock.instant();
        Duration length = properties.transientRetryBudget(step);
        return new TransientRetryBudget(length, !now.isBefore(budgetEnd(instance, step, now)));
    }

    /**
     * When the saga must hear back: a reply timeout that grows with each attempt, or after a transient
     * failure the delay before the next try, which grows with each try; none once the saga is final.
     * A forward step's next try never waits past the end of its budget, so the budget's last moment gets a
     * try too. {@code instance} is null for a saga being started.
     */
    private Instant deadlineOf(SagaInstance instance, Transition<OrderSagaData> transition, Instant now) {
        if (!transition.awaitsReply()) {
            return null;
        }
        String step = transition.step().name();
        if (!transition.retryPending()) {
            return now.plus(properties.replyTimeout(step, transition.declaredStepTimeout(), transition.attempts()));
        }
        Instant retryAt = now.plus(properties.transientRetryDelay(transition.commandTry()));
        if (transition.state() != SagaState.RUNNING) {
            return retryAt;
        }
        // A retry never moves the saga to another step: the budget is the one of the step it is at. Only a step
        // that is never given up (the pivot) is retried with its budget spent, on the plain delay.
        Instant budgetEnd = budgetEnd(instance, step, now);
        return retryAt.isAfter(budgetEnd) && budgetEnd.isAfter(now) ? budgetEnd : retryAt;
    }

    private Instant budgetEnd(SagaInstance instance, String step, Instant now) {
        return instance.stepStartedAtOr(now).plus(properties.transientRetryBudget(step));
    }

    private void record(SagaInstance instance, Transition<OrderSagaData> transition,
                        UnaryOperator<HistoryEntry> completion) {
        store.appendHistory(instance.getSagaId(), clock.instant(),
                transition.history().stream().map(completion).toList());
        for (SagaCommand command : transition.commands()) {
            outbox.send(command.command(), command.messageId());
        }
    }
}
