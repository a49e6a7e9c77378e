package dev.ordersaga.ops.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** Rows for the unit tests: by default one order of SKU-1 x2 and SKU-2 x1, 1000 EUR, placed an hour ago. */
final class TestRows {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Instant AN_HOUR_AGO = NOW.minus(Duration.ofHours(1));
    static final long TOTAL = 1000;
    static final SortedMap<String, Integer> LINES = lines("SKU-1", 2, "SKU-2", 1);

    private TestRows() {
    }

    /** Ids from 1 to 15 whose first byte grows with n: from 8 on they are negative as Java longs. */
    static UUID id(int n) {
        return new UUID(n * 0x1111_1111_1111_1111L, n);
    }

    static SortedMap<String, Integer> lines(Object... skuAndQuantity) {
        SortedMap<String, Integer> lines = new TreeMap<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.put((String) skuAndQuantity[i], (Integer) skuAndQuantity[i + 1]);
        }
        return lines;
    }

    static OrderRow order(UUID id, String status) {
        return order(id, status, AN_HOUR_AGO);
    }

    static OrderRow order(UUID id, String status, Instant createdAt) {
        Instant cancellationRequestedAt = status.startsWith("CANCEL") ? createdAt : null;
        return new OrderRow(id, status, "EUR", TOTAL, LINES, createdAt, createdAt, cancellationRequestedAt);
    }

    static OrderRow updatedAt(OrderRow order, Instant updatedAt) {
        return new OrderRow(order.id(), order.status(), order.currency(), order.totalAmount(), order.lines(),
                order.createdAt(), updatedAt, order.cancellationRequestedAt());
    }

    static ReservationRow reservation(UUID orderId, String status) {
        return reservation(orderId, status, LINES);
    }

    static ReservationRow reservation(UUID orderId, String status, SortedMap<String, Integer> lines) {
        return new ReservationRow(orderId, status, lines, AN_HOUR_AGO);
    }

    static ReservationRow reservationTombstone(UUID orderId) {
        return reservation(orderId, ReservationRow.RELEASED, new TreeMap<>());
    }

    static PaymentRow payment(UUID orderId, String status) {
        return payment(orderId, status, TOTAL, "EUR");
    }

    /** A payment that never went through the provider (charged before charges did, or declined here). */
    static PaymentRow payment(UUID orderId, String status, long amount, String currency) {
        return new PaymentRow(UUID.nameUUIDFromBytes(orderId.toString().getBytes()), orderId, status, amount, currency,
                "customer-1", null, AN_HOUR_AGO);
    }

    /** A payment CHARGED (or later REFUNDED) through the provider, as capture {@link #chargeIdOf} of its order. */
    static PaymentRow paymentAtProvider(UUID orderId, String status) {
        return new PaymentRow(UUID.nameUUIDFromBytes(orderId.toString().getBytes()), orderId, status, TOTAL, "EUR",
                "customer-1", chargeIdOf(orderId), AN_HOUR_AGO);
    }

    static String chargeIdOf(UUID orderId) {
        return "ch_" + orderId.getLeastSignificantBits();
    }

    /** The capture the provider holds for the order, of the default total. */
    static CaptureRow capture(UUID orderId) {
        return capture(orderId, TOTAL);
    }

    static CaptureRow capture(UUID orderId, long amount) {
        return new CaptureRow(CaptureRow.keyOf(orderId), chargeIdOf(orderId), "customer-1", amount, "EUR",
                CaptureRow.CAPTURED, null);
    }

    static CaptureRow refundedCapture(UUID orderId) {
        return new CaptureRow(CaptureRow.keyOf(orderId), chargeIdOf(orderId), "customer-1", TOTAL, "EUR",
                CaptureRow.REFUNDED, "re_" + orderId.getLeastSignificantBits());
    }

    static PaymentRow paymentCreatedAt(PaymentRow payment, Instant createdAt) {
        return new PaymentRow(payment.id(), payment.orderId(), payment.status(), payment.amount(), payment.currency(),
                payment.customerId(), payment.providerChargeId(), createdAt);
    }

    /** Payment.closedBeforeCharge: DECLINED, for nobody, of zero. */
    static PaymentRow paymentTombstone(UUID orderId) {
        return new PaymentRow(UUID.nameUUIDFromBytes(orderId.toString().getBytes()), orderId, PaymentRow.DECLINED, 0,
                "EUR", null, null, AN_HOUR_AGO);
    }

    static ProductRow product(String sku, long reserved, long sold) {
        return new ProductRow(sku, 100, reserved, sold, reserved, sold);
    }
}
