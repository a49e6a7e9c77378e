package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.HistoryEntry;
import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaEngine;
import dev.ordersaga.orchestrator.saga.TransientRetryBudget;
import dev.ordersaga.orchestrator.saga.Transition;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.order.OrderCancellationRequested;
import dev.ordersaga.schema.order.OrderPlaced;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the engine to stored instances for the messages the orchestrator consumes. Runs inside the message
 * handler's transaction, so the instance, its history, the inbox entry and the outgoing commands commit or
 * roll back together.
 */
@Service
public class SagaCoordinator {

    private static final Logger log = LoggerFactory.getLogger(SagaCoordinator.class);

    private final SagaStore store;
    private final SagaDefinitions definitions;
    private final SagaTransitions transitions;
    private final SagaMetrics metrics;

    SagaCoordinator(SagaStore store, SagaDefinitions definitions, SagaTransitions transitions,
                    SagaMetrics metrics) {
        this.store = store;
        this.definitions = definitions;
        this.transitions = transitions;
        this.metrics = metrics;
    }

    /**
     * Starts the saga of a placed order. The same order placed again under another message id finds its
     * saga and only leaves a line in the history. One order's events share a partition, so two starts of
     * one order never run at the same time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(OrderPlaced order, UUID messageId) {
        SagaEngine<OrderSagaData> engine = definitions.current();
        Transition<OrderSagaData> started = engine.start(OrderSagaData.from(order));
        SagaInstance instance = transitions.start(engine.definition(), started);
        // Insert first, look only on a conflict: the common case costs one statement, not a read and a write.
        if (!store.insertIfAbsent(instance)) {
            SagaInstance existing = store.lock(order.orderId()).orElseThrow(() -> new IllegalStateException(
                    "Saga " + order.orderId() + " conflicted on insert but cannot be read"));
            log.info("Saga {} already started; OrderPlaced {} changes nothing", existing.getSagaId(), messageId);
            transitions.record(existing, definitions.forInstance(existing).startAgain(existing.snapshot(), order),
                    order, messageId);
            return;
        }
        metrics.started(instance.getDefinitionName());
        log.debug("Saga {} started on {} v{}", instance.getSagaId(), instance.getDefinitionName(),
                instance.getDefinitionVersion());
        transitions.record(instance, started, order, messageId);
    }

    /**
     * Feeds a participant's reply or an order outcome to the saga it belongs to, with what is left of the
     * current step's transient retry budget. The saga is read fresh from the database, so a reply handled
     * earlier in the same transaction is seen. The saga is read with its row lock
     * ({@link SagaStore#lock}), so two replies for one saga handled at once in different transactions (or a reply
     * meeting an operator's action) queue, and each is judged against the state the one before it left, even when
     * that one's commit is not yet visible to plain reads.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void handleReply(Message reply, UUID messageId) {
        sagaOf(reply, messageId).ifPresent(instance -> {
            SagaEngine<OrderSagaData> engine = definitions.forInstance(instance);
            String step = engine.definition().step(instance.getCurrentStep()).name();
            TransientRetryBudget budget = transitions.transientRetryBudget(instance, step);
            decide(instance, engine.handle(instance.snapshot(), reply, budget), reply, messageId);
        });
    }

    /** The producer cancelled the order: a running saga compensates, any other ignores it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancel(OrderCancellationRequested request, UUID messageId) {
        sagaOf(request, messageId).ifPresent(instance -> {
            Transition<OrderSagaData> transition =
                    definitions.forInstance(instance).cancel(instance.snapshot(), request.reason());
            if (transition.changed()) {
                log.info("Saga {} compensates: the order was cancelled ({})", instance.getSagaId(), request.reason());
            }
            decide(instance, transition, request, messageId);
        });
    }

    private Optional<SagaInstance> sagaOf(Message message, UUID messageId) {
        Optional<SagaInstance> found = store.lock(message.orderId());
        if (found.isEmpty()) {
            log.warn("{} {} is for order {}, which has no saga; nothing to do",
                    typeName(message), messageId, message.orderId());
            metrics.orphanReply();
        }
        return found;
    }

    private void decide(SagaInstance instance, Transition<OrderSagaData> transition, Message incoming,
                        UUID messageId) {
        transitions.apply(instance, transition);
        Optional<HistoryEntry> transientFailure = transition.transientFailure();
        if (transientFailure.isPresent()) {
            countTransientFailure(instance, transition, transientFailure.get().step(), incoming, messageId);
        } else if (transition.ignored()) {
            log.info("Saga {} ignored {} {}: {}", instance.getSagaId(), typeName(incoming), messageId,
                    transition.history().get(0).detail().get("reason"));
        }
        transitions.record(instance, transition, incoming, messageId);
    }

    /** @param step the step that failed (after giving up, the transition's step is the one compensated) */
    private void countTransientFailure(SagaInstance instance, Transition<OrderSagaData> transition, String step,
                                       Message incoming, UUID messageId) {
        if (transition.retryPending()) {
            metrics.transientFailure(step, "retried");
            log.info("Saga {}: {} {} at step {} is a transient failure; try {} follows at {}", instance.getSagaId(),
                    typeName(incoming), messageId, step, transition.commandTry(), instance.getStepDeadline());
        } else {
            metrics.transientFailure(step, "compensated");
            log.info("Saga {}: {} {} at step {} is a transient failure past the step's retry budget; compensating: {}",
                    instance.getSagaId(), typeName(incoming), messageId, step, transition.data().failureReason());
        }
    }

    private static String typeName(Message message) {
        return MessageType.of(message).typeName();
    }
}
