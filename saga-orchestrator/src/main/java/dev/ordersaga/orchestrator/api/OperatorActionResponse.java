package dev.ordersaga.orchestrator.api;

import dev.ordersaga.orchestrator.saga.OperatorOutcome;
import java.util.UUID;

/**
 * What an operator action did, and the saga after it (the body of GET /sagas/{orderId}).
 *
 * @param action  {@code retry} or {@code compensate}
 * @param outcome RESENT, COMPENSATING or ALREADY_COMPENSATING
 */
record OperatorActionResponse(UUID sagaId, String action, OperatorOutcome outcome, SagaResponse saga) {
}
