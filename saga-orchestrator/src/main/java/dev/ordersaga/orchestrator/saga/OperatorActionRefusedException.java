package dev.ordersaga.orchestrator.saga;

/**
 * An operator asked for an action the saga's state does not allow: it has ended, or compensation was asked of a
 * saga past its pivot. Nothing was changed.
 */
public class OperatorActionRefusedException extends RuntimeException {

    public OperatorActionRefusedException(String message) {
        super(message);
    }
}
