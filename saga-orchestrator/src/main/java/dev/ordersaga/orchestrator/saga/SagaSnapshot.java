package dev.ordersaga.orchestrator.saga;

import java.util.Objects;
import java.util.UUID;

/**
 * What the engine needs to know about a stored instance.
 *
 * @param sagaId       the saga's id
 * @param state        its state
 * @param currentStep  index of the step awaiting a reply (or the last one acted on, once final)
 * @param attempts     the current step's first send plus its re-sends after no reply in time (0 once final)
 * @param commandTry   the current step's command try, part of its commands' message ids
 * @param retryPending the deadline is a retry delay after a transient failure, not a reply timeout
 * @param data         its data
 */
public record SagaSnapshot<D>(UUID sagaId, SagaState state, int currentStep, int attempts, int commandTry,
                              boolean retryPending, D data) {

    public SagaSnapshot {
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(data, "data");
    }
}
