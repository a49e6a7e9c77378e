package dev.ordersaga.orchestrator.saga;

/** What an accepted operator action did. */
public enum OperatorOutcome {

    /** The current step's commands (forward or compensation) went out again with their message ids. */
    RESENT,
    /** The running saga now compensates, from its current step on. */
    COMPENSATING,
    /** The saga was compensating already; nothing changed but the history. */
    ALREADY_COMPENSATING
}
