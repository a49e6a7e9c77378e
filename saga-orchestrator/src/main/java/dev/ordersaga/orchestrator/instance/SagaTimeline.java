package dev.ordersaga.orchestrator.instance;

import java.util.List;

/**
 * One saga and its history, read together for the API.
 *
 * @param instance        the saga
 * @param currentStepName the name of its current step, null if this build lacks its definition version
 * @param overdue         its deadline has passed and the poller has not handled it yet
 * @param history         its timeline, oldest first
 */
public record SagaTimeline(SagaInstance instance, String currentStepName, boolean overdue,
                           List<SagaHistoryEntry> history) {

    public SagaTimeline {
        history = List.copyOf(history);
    }
}
