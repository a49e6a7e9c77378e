package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaEngine;
import dev.ordersaga.orchestrator.saga.SagaState;
import dev.ordersaga.orchestrator.saga.Transition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles the sagas whose step deadline has passed: the engine re-sends the step or gives up on it (or, at
 * the end of a retry delay after a transient failure, sends its next try), and the commands leave through the
 * outbox like any others. Deadlines are stored, so a restart loses none.
 *
 * <p>A poll claims a batch with {@code FOR NO KEY UPDATE SKIP LOCKED} and handles it in one transaction, so
 * several replicas poll side by side without handling a saga twice, and a reply handled meanwhile fails its
 * optimistic lock and is re-delivered against the new state. Should the batch fail as a whole, its sagas are
 * handled again one transaction each, so one saga that cannot be handled never holds up the others; it stays
 * due and is tried at every poll. When the database itself is gone, the poll gives up at once instead.
 */
@Component
class SagaDeadlines {

    private static final Logger log = LoggerFactory.getLogger(SagaDeadlines.class);
    private static final String ORDER_ID = "orderId";

    private final SagaStore store;
    private final SagaDefinitions definitions;
    private final SagaTransitions transitions;
    private final SagaProperties properties;
    private final SagaMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SagaDeadlines(SagaStore store, SagaDefinitions definitions, SagaTransitions transitions,
                  SagaProperties properties, SagaMetrics metrics, PlatformTransactionManager transactionManager,
                  Clock clock) {
        this.store = store;
        this.definitions = definitions;
        this.transitions = transitions;
        this.properties = properties;
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** One poll: handles up to {@code saga.deadline-batch-size} passed deadlines; returns how many it handled. */
    int handleDue() {
        Instant now = clock.instant();
        List<UUID> claimed = new ArrayList<>();
        try {
            return transactions.execute(tx -> {
                List<SagaInstance> due = store.lockDue(now, properties.deadlineBatchSize());
                due.forEach(saga -> claimed.add(saga.getSagaId()));
                due.forEach(this::deadlinePassed);
                return due.size();
            });
        } catch (RuntimeException e) {
            if (claimed.isEmpty() || databaseGone(e)) {
                throw e;
            }
            log.warn("Handling {} passed deadlines in one transaction failed ({}); handling them one by one",
                    claimed.size(), e.toString());
            return handleOneByOne(claimed, now);
        }
    }

    private int handleOneByOne(List<UUID> sagaIds, Instant now) {
        int handled = 0;
        for (UUID sagaId : sagaIds) {
            try {
                boolean done = Boolean.TRUE.equals(transactions.execute(tx -> store.lockIfDue(sagaId, now)
                        .map(saga -> {
                            deadlinePassed(saga);
                            return true;
                        })
                        .orElse(false)));
                handled += done ? 1 : 0;
            } catch (RuntimeException e) {
                if (databaseGone(e)) {
                    // Not this saga's fault: trying the others would only wait out a connection timeout each.
                    log.warn("Passed deadlines left for the next poll: the database does not answer ({})",
                            e.toString());
                    break;
                }
                log.warn("Saga {}: its passed deadline could not be handled; it stays due for the next poll",
                        sagaId, e);
            }
        }
        return handled;
    }

    private static boolean databaseGone(RuntimeException e) {
        return e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException;
    }

    private void deadlinePassed(SagaInstance saga) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(ORDER_ID, saga.getSagaId().toString())) {
            SagaEngine<OrderSagaData> engine = definitions.forInstance(saga);
            String step = engine.definition().step(saga.getCurrentStep()).name();
            SagaState before = saga.getState();
            int attempts = saga.getAttempts();
            boolean afterTransientFailure = saga.isRetryPending();
            Transition<OrderSagaData> transition = engine.deadlinePassed(saga.snapshot(), properties.retryPolicy());
            boolean gaveUp = before == SagaState.RUNNING && transition.state() != SagaState.RUNNING;
            transitions.apply(saga, transition);
            transitions.record(saga, transition);
            String what = before == SagaState.RUNNING ? "step " + step : "compensation of step " + step;
            String outcome = gaveUp ? "compensating: " + transition.data().failureReason()
                    : "try " + transition.commandTry() + " sent, attempt " + transition.attempts();
            if (afterTransientFailure) {
                // Not a timeout: the retry delay after a transient failure (counted when the failure arrived);
                // the try it sends counts no attempt.
                log.info("Saga {}: retry delay of {} passed; try {} sent", saga.getSagaId(), what,
                        transition.commandTry());
            } else {
                metrics.stepTimedOut(step, gaveUp ? "compensated" : "resent");
                log.info("Saga {}: {} got no reply after {} attempt(s); {}", saga.getSagaId(), what, attempts,
                        outcome);
            }
        }
    }
}
