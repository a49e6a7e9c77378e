package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.orchestrator.saga.HistoryEntry;
import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaCommand;
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

    private final SagaHistoryRepository history;
    private final SagaProperties properties;
    private final SagaMetrics metrics;
    private final Outbox outbox;
    private final Clock clock;

    SagaTransitions(SagaHistoryRepository history, SagaProperties properties, SagaMetrics metrics, Outbox outbox,
                    Clock clock) {
        this.history = history;
        this.properties = properties;
        this.metrics = metrics;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Takes a decision that changes the instance, and counts the saga's end if it is one. */
    void apply(SagaInstance instance, Transition<OrderSagaData> transition) {
        if (!transition.changed()) {
            return;
        }
        instance.apply(transition, deadlineOf(transition));
        if (transition.state().isFinal()) {
            metrics.ended(instance.getDefinitionName(), transition.state(),
                    Duration.between(instance.getCreatedAt(), clock.instant()));
            log.info("Saga {} ended {}", instance.getSagaId(), transition.state());
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
     * When the saga must hear back: a reply timeout that grows with each attempt, or after a transient
     * failure the delay before the next try; none once the saga is final.
     */
    Instant deadlineOf(Transition<OrderSagaData> transition) {
        if (!transition.awaitsReply()) {
            return null;
        }
        Duration wait = transition.retryPending()
                ? properties.transientRetryDelay(transition.attempts())
                : properties.replyTimeout(transition.step().name(), transition.declaredStepTimeout(),
                        transition.attempts());
        return clock.instant().plus(wait);
    }

    private void record(SagaInstance instance, Transition<OrderSagaData> transition,
                        UnaryOperator<HistoryEntry> completion) {
        Instant at = clock.instant();
        history.saveAll(transition.history().stream()
                .map(completion)
                .map(entry -> SagaHistoryEntry.of(instance.getSagaId(), at, entry))
                .toList());
        for (SagaCommand command : transition.commands()) {
            outbox.send(command.command(), command.messageId());
        }
    }
}
