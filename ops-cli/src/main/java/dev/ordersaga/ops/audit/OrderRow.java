package dev.ordersaga.ops.audit;

import java.time.Instant;
import java.util.SortedMap;
import java.util.UUID;

/**
 * An order as the audit reads it from the orders database.
 *
 * @param lines                   quantity per SKU, a SKU on several lines summed (as inventory-service reserves it)
 * @param cancellationRequestedAt when the producer asked to cancel; null unless CANCELLING or CANCELLED
 */
record OrderRow(UUID id, String status, String currency, long totalAmount, SortedMap<String, Integer> lines,
                Instant createdAt, Instant updatedAt, Instant cancellationRequestedAt) {
}
