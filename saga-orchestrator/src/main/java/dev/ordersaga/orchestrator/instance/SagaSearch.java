package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.SagaState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * A search over sagas for operators; the criteria combine with AND, results come oldest update first.
 *
 * @param states    the states to include; empty for all
 * @param stuck     only active sagas that missed a deadline of their current step: it has passed and the
 *                  poller has not handled it yet, or the step was already re-sent (attempts above 1) or
 *                  retried after a transient failure (a command try above 0); the poller moves the deadline
 *                  on at every re-send, so the deadline alone would hide them
 * @param olderThan only sagas not updated for at least this long; null for any
 * @param limit     how many at most
 */
public record SagaSearch(Set<SagaState> states, boolean stuck, Duration olderThan, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private static final Set<SagaState> ACTIVE = EnumSet.of(SagaState.RUNNING, SagaState.COMPENSATING);

    public SagaSearch {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(states);
        if (olderThan != null && olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must not be negative, was " + olderThan);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    Specification<SagaInstance> toSpecification(Instant now) {
        List<Specification<SagaInstance>> parts = new ArrayList<>();
        if (!states.isEmpty()) {
            parts.add(inStates(states));
        }
        if (stuck) {
            // The state condition also lets the planner use the indexes on active sagas.
            parts.add(inStates(ACTIVE));
            parts.add((saga, query, cb) -> cb.or(
                    cb.lessThanOrEqualTo(saga.get("stepDeadline"), now),
                    cb.greaterThan(saga.get("attempts"), 1),
                    cb.greaterThan(saga.get("commandTry"), 0)));
        }
        if (olderThan != null) {
            parts.add((saga, query, cb) -> cb.lessThan(saga.get("updatedAt"), now.minus(olderThan)));
        }
        return Specification.allOf(parts);
    }

    /** Oldest update first; the id breaks ties so that equal timestamps list in a stable order. */
    static Sort order() {
        return Sort.by(Sort.Order.asc("updatedAt"), Sort.Order.asc("sagaId"));
    }

    private static Specification<SagaInstance> inStates(Set<SagaState> states) {
        return (saga, query, cb) -> saga.get("state").in(states);
    }
}
