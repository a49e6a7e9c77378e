/**
 * Applies the saga's verdict on an order: ApproveOrder and RejectOrder from the orchestrator; RejectOrder also
 * completes a producer's cancellation.
 */
package dev.ordersaga.order.decision;
