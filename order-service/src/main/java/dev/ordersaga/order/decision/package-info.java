/** Applies the saga's verdict on an order: ApproveOrder and RejectOrder from the orchestrator. */
package dev.ordersaga.order.decision;
