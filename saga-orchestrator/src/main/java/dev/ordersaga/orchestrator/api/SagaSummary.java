package dev.ordersaga.orchestrator.api;

import dev.ordersaga.orchestrator.instance.SagaInstance;
import dev.ordersaga.orchestrator.instance.SagaOverview;
import dev.ordersaga.orchestrator.saga.SagaState;
import java.time.Instant;
import java.util.UUID;

/** One entry of GET /sagas: the saga without its history. The order id is the saga id. */
record SagaSummary(UUID sagaId, UUID orderId, String definition, int definitionVersion, SagaState state, int currentStep,
                   String currentStepName, int attempts, Instant stepDeadline, boolean overdue, Instant createdAt,
                   Instant updatedAt, String failureReason) {

    static SagaSummary of(SagaOverview overview) {
        SagaInstance saga = overview.instance();
        return new SagaSummary(saga.getSagaId(), saga.getData().orderId(), saga.getDefinitionName(), saga.getDefinitionVersion(),
                saga.getState(), saga.getCurrentStep(), overview.currentStepName(), saga.getAttempts(),
                saga.getStepDeadline(), overview.overdue(), saga.getCreatedAt(), saga.getUpdatedAt(),
                saga.getData().failureReason());
    }
}
