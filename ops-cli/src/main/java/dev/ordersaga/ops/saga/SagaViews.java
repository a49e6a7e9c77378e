package dev.ordersaga.ops.saga;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The orchestrator's JSON, as far as the CLI reads it; unknown fields are ignored, missing ones are null. */
final class SagaViews {

    private SagaViews() {
    }

    /** {@code GET /sagas/{orderId}}; the saga id is the order id. */
    record SagaDetails(UUID sagaId, UUID orderId, String definition, Integer definitionVersion, String state,
                       Integer currentStep, String currentStepName, Integer attempts, Integer commandTry,
                       Instant stepDeadline, Boolean overdue, Instant createdAt, Instant updatedAt,
                       List<HistoryItem> history) {
    }

    record HistoryItem(Instant at, String type, String step, String messageType, UUID messageId,
                       Map<String, JsonNode> detail) {
    }

    /** One element of {@code GET /sagas}. */
    record SagaSummary(UUID sagaId, UUID orderId, String definition, Integer definitionVersion, String state,
                       Integer currentStep, String currentStepName, Integer attempts, Instant stepDeadline,
                       Boolean overdue, Instant createdAt, Instant updatedAt, String failureReason) {
    }

    /** {@code POST /sagas/{orderId}/retry|compensate}. */
    record ActionResult(UUID sagaId, String action, String outcome, SagaDetails saga) {
    }

    /** RFC 9457 problem details. */
    record Problem(String title, Integer status, String detail) {
    }
}
