package dev.ordersaga.ops.audit;

import java.util.UUID;

/** What each database holds for one order id; any of the three may be missing (null). */
record OrderGroup(UUID orderId, OrderRow order, ReservationRow reservation, PaymentRow payment) {
}
