package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.OperatorOutcome;
import java.util.UUID;

/**
 * What an operator action did, once committed.
 *
 * @param sagaId  the saga
 * @param action  {@code retry} or {@code compensate}
 * @param outcome what it did
 */
public record OperatorActionResult(UUID sagaId, String action, OperatorOutcome outcome) {
}
