package dev.ordersaga.orchestrator.saga;

/** Where a saga instance is: moving forward, undoing completed steps, or finished one way or the other. */
public enum SagaState {

    RUNNING,
    COMPENSATING,
    COMPLETED,
    COMPENSATED;

    public boolean isFinal() {
        return this == COMPLETED || this == COMPENSATED;
    }
}
