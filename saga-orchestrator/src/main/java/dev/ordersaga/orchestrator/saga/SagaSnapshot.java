package dev.ordersaga.orchestrator.saga;

import java.util.Objects;
import java.util.UUID;

/**
 * What the engine needs to know about a stored instance.
 *
 * @param sagaId      the saga's id
 * @param state       its state
 * @param currentStep index of the step awaiting a reply (or the last one acted on, once final)
 * @param data        its data
 */
public record SagaSnapshot<D>(UUID sagaId, SagaState state, int currentStep, D data) {

    public SagaSnapshot {
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(data, "data");
    }
}
