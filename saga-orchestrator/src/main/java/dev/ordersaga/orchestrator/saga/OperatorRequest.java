package dev.ordersaga.orchestrator.saga;

/**
 * An operator's request to retry or compensate a saga, kept in its history.
 *
 * @param requestedBy who asked; required
 * @param reason      why, if they said; null otherwise
 */
public record OperatorRequest(String requestedBy, String reason) {

    public OperatorRequest {
        if (requestedBy == null || requestedBy.isBlank()) {
            throw new IllegalArgumentException("An operator action needs to say who asked for it");
        }
        reason = reason == null || reason.isBlank() ? null : reason;
    }
}
