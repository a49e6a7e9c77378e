package dev.ordersaga.orchestrator.instance;

/**
 * One saga in a search result, without its history.
 *
 * @param instance        the saga
 * @param currentStepName the name of its current step, null if this build lacks its definition version
 * @param overdue         its deadline has passed and the poller has not handled it yet
 */
public record SagaOverview(SagaInstance instance, String currentStepName, boolean overdue) {
}
