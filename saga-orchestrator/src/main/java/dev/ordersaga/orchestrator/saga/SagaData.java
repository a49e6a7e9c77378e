package dev.ordersaga.orchestrator.saga;

import java.util.UUID;

/**
 * What a saga carries from step to step. Implementations are immutable values: the engine replaces the
 * data rather than changing it.
 *
 * @param <D> the implementing type itself
 */
public interface SagaData<D extends SagaData<D>> {

    /** The saga's id; it seeds every command's deterministic message id. */
    UUID sagaId();

    /** A copy that remembers why the saga failed, so compensations can say so. */
    D withFailureReason(String reason);
}
