package dev.ordersaga.orchestrator.instance;

import java.util.UUID;

/** No saga has this id (the order id). */
public class SagaNotFoundException extends RuntimeException {

    private final UUID sagaId;

    public SagaNotFoundException(UUID sagaId) {
        super("No saga for order " + sagaId);
        this.sagaId = sagaId;
    }

    public UUID sagaId() {
        return sagaId;
    }
}
