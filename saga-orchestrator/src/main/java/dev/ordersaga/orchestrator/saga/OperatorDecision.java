package dev.ordersaga.orchestrator.saga;

/**
 * The engine's answer to an operator action it accepted.
 *
 * @param outcome    what the action did
 * @param transition what to apply, with the history entry that records the action
 */
public record OperatorDecision<D>(OperatorOutcome outcome, Transition<D> transition) {
}
