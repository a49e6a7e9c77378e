package dev.ordersaga.orchestrator.api;

import dev.ordersaga.orchestrator.instance.SagaHistoryEntry;
import dev.ordersaga.orchestrator.instance.SagaInstance;
import dev.ordersaga.orchestrator.instance.SagaTimeline;
import dev.ordersaga.orchestrator.saga.HistoryType;
import dev.ordersaga.orchestrator.saga.SagaState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GET /sagas/{orderId}: the saga and its timeline, oldest first. {@code stepStartedAt} is when the saga moved
 * to its current step (forward or compensation; for an ended saga its last one; null for a saga untouched
 * since before it was recorded), from which the step's transient retry budget runs. {@code attempts} counts
 * the awaited step's first send and its re-sends after no reply in time, {@code commandTry} its transient
 * failures (part of its commands' message ids); {@code retryPending} says the deadline is the delay before
 * the next try rather than a reply timeout, and {@code overdue} that the deadline has passed without the
 * poller having handled it yet.
 */
record SagaResponse(UUID sagaId, UUID orderId, String definition, int definitionVersion, SagaState state,
                    int currentStep, String currentStepName, Instant stepStartedAt, Instant stepDeadline,
                    boolean overdue, int attempts, int commandTry, boolean retryPending, String failureReason,
                    Instant createdAt, Instant updatedAt, List<HistoryItem> history) {

    static SagaResponse of(SagaTimeline timeline) {
        SagaInstance saga = timeline.instance();
        return new SagaResponse(saga.getSagaId(), saga.getData().orderId(), saga.getDefinitionName(),
                saga.getDefinitionVersion(), saga.getState(), saga.getCurrentStep(), timeline.currentStepName(),
                saga.getStepStartedAt(), saga.getStepDeadline(), timeline.overdue(), saga.getAttempts(),
                saga.getCommandTry(), saga.isRetryPending(), saga.getData().failureReason(),
                saga.getCreatedAt(), saga.getUpdatedAt(), timeline.history().stream().map(HistoryItem::of).toList());
    }

    record HistoryItem(Instant at, HistoryType type, String step, String messageType, UUID messageId,
                       Map<String, String> detail) {

        static HistoryItem of(SagaHistoryEntry entry) {
            return new HistoryItem(entry.getAt(), entry.getType(), entry.getStep(), entry.getMessageType(),
                    entry.getMessageId(), entry.getDetail());
        }
    }
}
