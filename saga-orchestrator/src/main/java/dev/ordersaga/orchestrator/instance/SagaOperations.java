package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.OperatorDecision;
import dev.ordersaga.orchestrator.saga.OperatorRequest;
import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaEngine;
import dev.ordersaga.orchestrator.saga.SagaSnapshot;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operators' retry and compensate. Each runs in its own transaction under the same optimistic lock as the
 * replies; when a reply or the deadline poller changed the saga meanwhile, the action is tried once more
 * against the new state before giving up with {@link SagaChangedException}. Both are safe to repeat: a retry
 * sends the same message ids again, a second compensate finds the saga compensating already.
 */
@Service
public class SagaOperations {

    private static final Logger log = LoggerFactory.getLogger(SagaOperations.class);

    private final SagaStore store;
    private final SagaDefinitions definitions;
    private final SagaTransitions transitions;
    private final SagaMetrics metrics;
    private final TransactionTemplate transactions;

    SagaOperations(SagaStore store, SagaDefinitions definitions, SagaTransitions transitions,
                   SagaMetrics metrics, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.definitions = definitions;
        this.transitions = transitions;
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Sends the current step's commands (forward, or its compensation) again on a fresh deadline.
     *
     * @throws SagaNotFoundException no saga for this order
     * @throws dev.ordersaga.orchestrator.saga.OperatorActionRefusedException the saga has ended (or, for
     *         compensate, is past its pivot)
     * @throws SagaChangedException it kept changing meanwhile
     */
    public OperatorActionResult retry(UUID sagaId, OperatorRequest request) {
        return act(sagaId, "retry", request, SagaEngine::retry);
    }

    /** Makes a running saga compensate from its current step on; fails like {@link #retry}, and past the pivot. */
    public OperatorActionResult compensate(UUID sagaId, OperatorRequest request) {
        return act(sagaId, "compensate", request, SagaEngine::compensate);
    }

    private OperatorActionResult act(UUID sagaId, String action, OperatorRequest request, Decision decision) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("orderId", sagaId.toString())) {
            try {
                return applyOnce(sagaId, action, request, decision);
            } catch (OptimisticLockingFailureException changed) {
                log.info("Saga {} changed while {} was applied; trying once more", sagaId, action);
                try {
                    return applyOnce(sagaId, action, request, decision);
                } catch (OptimisticLockingFailureException changedAgain) {
                    throw new SagaChangedException(sagaId, changedAgain);
                }
            }
        }
    }

    private OperatorActionResult applyOnce(UUID sagaId, String action, OperatorRequest request, Decision decision) {
        return transactions.execute(tx -> {
            SagaInstance saga = store.lock(sagaId).orElseThrow(() -> new SagaNotFoundException(sagaId));
            OperatorDecision<OrderSagaData> decided =
                    decision.decide(definitions.forInstance(saga), saga.snapshot(), request);
            transitions.apply(saga, decided.transition());
            transitions.record(saga, decided.transition());
            metrics.operatorAction(action, decided.outcome().name());
            log.info("Saga {}: {} asked by {}{}: {}", sagaId, action, request.requestedBy(),
                    request.reason() == null ? "" : " (" + request.reason() + ")", decided.outcome());
            return new OperatorActionResult(sagaId, action, decided.outcome());
        });
    }

    /** One of the engine's operator entry points. */
    @FunctionalInterface
    private interface Decision {

        OperatorDecision<OrderSagaData> decide(SagaEngine<OrderSagaData> engine, SagaSnapshot<OrderSagaData> saga,
                                               OperatorRequest request);
    }
}
