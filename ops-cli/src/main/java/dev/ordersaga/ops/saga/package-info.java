/**
 * {@code ops.sh saga}: the saga-orchestrator's admin API ({@code GET /sagas/{orderId}}, {@code GET /sagas},
 * {@code POST /sagas/{orderId}/retry|compensate}) for operators, with its problem+json errors mapped to exit codes.
 */
package dev.ordersaga.ops.saga;
