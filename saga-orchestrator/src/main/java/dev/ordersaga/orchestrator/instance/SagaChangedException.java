package dev.ordersaga.orchestrator.instance;

import java.util.UUID;

/** The saga changed under an operator action twice in a row; nothing was applied, asking again is safe. */
public class SagaChangedException extends RuntimeException {

    public SagaChangedException(UUID sagaId, Throwable cause) {
        super("Saga " + sagaId + " changed while the action was applied; try again", cause);
    }
}
