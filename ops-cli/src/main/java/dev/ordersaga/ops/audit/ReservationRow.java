package dev.ordersaga.ops.audit;

import java.time.Instant;
import java.util.SortedMap;
import java.util.UUID;

/** An order's reservation as the audit reads it from the inventory database; {@code lines} is quantity per SKU. */
record ReservationRow(UUID orderId, String status, SortedMap<String, Integer> lines, Instant createdAt) {

    static final String RESERVED = "RESERVED";
    static final String CONFIRMED = "CONFIRMED";
    static final String RELEASED = "RELEASED";

    /**
     * What inventory-service records when an order is released before anything was reserved
     * ({@code Reservation.releasedBeforeReserving}): RELEASED without lines, so a late reserve holds nothing.
     */
    boolean isTombstone() {
        return RELEASED.equals(status) && lines.isEmpty();
    }

    /** Stock that is held (RESERVED) or sold (CONFIRMED) for the order. */
    boolean isLive() {
        return RESERVED.equals(status) || CONFIRMED.equals(status);
    }
}
