package dev.ordersaga.order.orders;

/** What a requested state change did to an order. */
public enum Transition {
    /** The order moved to the requested state. */
    APPLIED,
    /** The order was already in the requested state: a repeated command, nothing to do. */
    ALREADY_IN_STATE,
    /** The order is in another final state; the request is refused and nothing changes. */
    NOT_ALLOWED,
    /** The order is being cancelled, which overrides the request: nothing changes, the saga compensates. */
    SUPERSEDED
}
