package dev.ordersaga.orchestrator.api;

import dev.ordersaga.orchestrator.saga.OperatorRequest;
import dev.ordersaga.support.web.InvalidRequestException;
import dev.ordersaga.support.web.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /sagas/{orderId}/retry and /compensate: {@code {"requestedBy": "alice", "reason": "provider fixed"}}.
 * Both end up in the saga's history.
 *
 * @param requestedBy who asks; required, at most 100 characters
 * @param reason      why; optional, at most 500 characters
 */
record OperatorActionRequest(String requestedBy, String reason) {

    static final int MAX_REQUESTED_BY = 100;
    static final int MAX_REASON = 500;

    /** @throws InvalidRequestException listing every broken rule */
    OperatorRequest validated() {
        List<Violation> violations = new ArrayList<>();
        if (requestedBy == null || requestedBy.isBlank()) {
            violations.add(new Violation("requestedBy", "must not be blank"));
        } else if (requestedBy.length() > MAX_REQUESTED_BY) {
            violations.add(new Violation("requestedBy", "must be at most " + MAX_REQUESTED_BY + " characters"));
        }
        if (reason != null && reason.length() > MAX_REASON) {
            violations.add(new Violation("reason", "must be at most " + MAX_REASON + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new OperatorRequest(requestedBy.strip(), reason == null ? null : reason.strip());
    }
}
