package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaCommand;
import dev.ordersaga.orchestrator.saga.SagaEngine;
import dev.ordersaga.orchestrator.saga.Transition;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.order.OrderPlaced;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the engine to stored instances. Runs inside the message handler's transaction, so the instance,
 * its history, the inbox entry and the outgoing commands commit or roll back together.
 */
@Service
public class SagaCoordinator {

    private static final Logger log = LoggerFactory.getLogger(SagaCoordinator.class);

    private final SagaInstanceRepository instances;
    private final SagaHistoryRepository history;
    private final SagaDefinitions definitions;
    private final SagaProperties properties;
    private final SagaMetrics metrics;
    private final Outbox outbox;
    private final Clock clock;

    SagaCoordinator(SagaInstanceRepository instances, SagaHistoryRepository history, SagaDefinitions definitions,
                    SagaProperties properties, SagaMetrics metrics, Outbox outbox, Clock clock) {
        this.instances = instances;
        this.history = history;
        this.definitions = definitions;
        this.properties = properties;
        this.metrics = metrics;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Starts the saga of a placed order. The same order placed again under another message id finds its
     * saga and only leaves a line in the history. One order's events share a partition, so two starts of
     * one order never run at the same time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(OrderPlaced order, UUID messageId) {
        Optional<SagaInstance> existing = instances.findById(order.orderId());
        if (existing.isPresent()) {
            SagaInstance instance = existing.get();
            log.info("Saga {} already started; OrderPlaced {} changes nothing", instance.getSagaId(), messageId);
            record(instance, definitions.forInstance(instance).startAgain(instance.snapshot(), order), order,
                    messageId);
            return;
        }
        SagaEngine<OrderSagaData> engine = definitions.current();
        Transition<OrderSagaData> started = engine.start(OrderSagaData.from(order));
        SagaInstance instance = SagaInstance.start(engine.definition(), started, deadlineOf(started));
        instances.save(instance);
        metrics.started(instance.getDefinitionName());
        log.info("Saga {} started on {} v{}", instance.getSagaId(), instance.getDefinitionName(),
                instance.getDefinitionVersion());
        record(instance, started, order, messageId);
    }

    /**
     * Feeds a participant's reply or an order outcome to the saga it belongs to. When two replies for one
     * saga are handled at once, the second commit fails its optimistic lock; the flush here surfaces that as
     * a retryable exception, and the library re-delivers the reply against the new state.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void handleReply(Message reply, UUID messageId) {
        Optional<SagaInstance> found = instances.findById(reply.orderId());
        if (found.isEmpty()) {
            log.warn("{} {} is for order {}, which has no saga; nothing to do",
                    typeName(reply), messageId, reply.orderId());
            metrics.orphanReply();
            return;
        }
        SagaInstance instance = found.get();
        Transition<OrderSagaData> transition = definitions.forInstance(instance).handle(instance.snapshot(), reply);
        if (transition.changed()) {
            instance.apply(transition, deadlineOf(transition));
            if (transition.state().isFinal()) {
                metrics.ended(instance.getDefinitionName(), transition.state(),
                        Duration.between(instance.getCreatedAt(), clock.instant()));
                log.info("Saga {} ended {}", instance.getSagaId(), transition.state());
            }
        } else if (transition.ignored()) {
            log.info("Saga {} ignored {} {}: {}", instance.getSagaId(), typeName(reply), messageId,
                    transition.history().get(0).detail().get("reason"));
        }
        record(instance, transition, reply, messageId);
        instances.flush();
    }

    private void record(SagaInstance instance, Transition<OrderSagaData> transition, Message incoming,
                        UUID incomingMessageId) {
        Instant at = clock.instant();
        String incomingType = typeName(incoming);
        history.saveAll(transition.history().stream()
                .map(entry -> entry.withIncomingMessage(incomingType, incomingMessageId))
                .map(entry -> SagaHistoryEntry.of(instance.getSagaId(), at, entry))
                .toList());
        for (SagaCommand command : transition.commands()) {
            outbox.send(command.command(), command.messageId());
        }
    }

    private Instant deadlineOf(Transition<OrderSagaData> transition) {
        if (!transition.awaitsReply()) {
            return null;
        }
        return clock.instant().plus(properties.stepTimeout(transition.step().name(), transition.declaredStepTimeout()));
    }

    private static String typeName(Message message) {
        return MessageType.of(message).typeName();
    }
}
