package dev.ordersaga.order.orders;

/**
 * Where an order is in its saga. APPROVED, REJECTED and CANCELLED are final; CANCELLING means the producer
 * cancelled and the saga is compensating. Stored by name; SQL CHECKs the names.
 */
public enum OrderStatus {
    PENDING,
    APPROVED,
    REJECTED,
    CANCELLING,
    CANCELLED;

    /**
     * What an approval does to an order in this state: only PENDING moves (to APPROVED). A CANCELLING order is not
     * approved: the approval raced the producer's cancel, and the saga, told by OrderCancellationRequested,
     * compensates the steps that led to it. One table for the entity and for the SQL of the hot handler.
     */
    public Transition approval() {
        return switch (this) {
            case PENDING -> Transition.APPLIED;
            case APPROVED -> Transition.ALREADY_IN_STATE;
            case CANCELLING -> Transition.SUPERSEDED;
            case REJECTED, CANCELLED -> Transition.NOT_ALLOWED;
        };
    }
}
