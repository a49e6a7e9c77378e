package dev.ordersaga.ops.audit;

import dev.ordersaga.ops.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What must hold between an order, its payment and its reservation once the saga is done with it:
 * <ul>
 *   <li>APPROVED: one CHARGED payment of the order's total, in its currency; a CONFIRMED reservation of exactly
 *       the order's lines.</li>
 *   <li>REJECTED, CANCELLED: no net charge (no payment, or DECLINED or REFUNDED) and no stock held or sold (no
 *       reservation, or RELEASED).</li>
 *   <li>PENDING, CANCELLING: the saga is still at work; after {@code settleAfter} that is worth a warning.</li>
 * </ul>
 */
final class OrderRules {

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String CANCELLING = "CANCELLING";
    static final String CANCELLED = "CANCELLED";

    private final Instant now;
    private final Duration settleAfter;

    OrderRules(Instant now, Duration settleAfter) {
        this.now = now;
        this.settleAfter = settleAfter;
    }

    /** PENDING or CANCELLING for less than settle-after: the saga is at work, there is nothing to check yet. */
    boolean inFlight(OrderRow order) {
        return isSettling(order) && age(settlingSince(order)).compareTo(settleAfter) < 0;
    }

    /** The findings about an order that exists (and is not in flight). */
    List<Finding> check(OrderGroup group) {
        OrderRow order = Objects.requireNonNull(group.order(), "order");
        return switch (order.status()) {
            case APPROVED -> approved(order, group.reservation(), group.payment());
            case REJECTED, CANCELLED -> undone(order, group.reservation(), group.payment());
            case PENDING, CANCELLING -> List.of(notSettled(order));
            default -> List.of(Finding.warning(order.id(), order.status(),
                    "status " + order.status() + " is unknown to this audit: not checked"));
        };
    }

    /**
     * The findings about a payment or reservation whose order does not exist: each one is a violation unless it
     * is a tombstone (a record that the order was closed before anything happened, so a late command does nothing).
     */
    static List<Finding> orphan(OrderGroup group) {
        List<Finding> findings = new ArrayList<>();
        PaymentRow payment = group.payment();
        if (payment != null && !payment.isTombstone()) {
            findings.add(Finding.violation(group.orderId(), null,
                    "no such order, but payment " + payment.id() + " is " + payment.status() + " " + payment.money()));
        }
        ReservationRow reservation = group.reservation();
        if (reservation != null && !reservation.isTombstone()) {
            findings.add(Finding.violation(group.orderId(), null,
                    "no such order, but reservation is " + reservation.status() + " " + lines(reservation.lines())));
        }
        return findings;
    }

    private List<Finding> approved(OrderRow order, ReservationRow reservation, PaymentRow payment) {
        List<Finding> findings = new ArrayList<>();
        UUID id = order.id();
        if (payment == null) {
            findings.add(Finding.violation(id, APPROVED, "APPROVED but no payment"));
        } else if (!PaymentRow.CHARGED.equals(payment.status())) {
            findings.add(Finding.violation(id, APPROVED, "APPROVED but payment is " + payment.status()));
        } else if (payment.amount() != order.totalAmount() || !payment.currency().equals(order.currency())) {
            findings.add(Finding.violation(id, APPROVED,
                    "charged " + payment.money() + ", total " + Money.format(order.totalAmount(), order.currency())));
        }
        if (reservation == null) {
            findings.add(Finding.violation(id, APPROVED, "APPROVED but no reservation"));
            return findings;
        }
        if (ReservationRow.RESERVED.equals(reservation.status()) && recentlyUpdated(order)) {
            // The saga sends ConfirmReservation and ApproveOrder together: the confirmation may still be on its way.
            findings.add(Finding.warning(id, APPROVED, "APPROVED " + Durations.format(age(order.updatedAt()))
                    + " ago but reservation is still RESERVED (its confirmation may be in flight)"));
        } else if (!ReservationRow.CONFIRMED.equals(reservation.status())) {
            findings.add(Finding.violation(id, APPROVED, "APPROVED but reservation is " + reservation.status()));
        }
        if (reservation.isLive() && !reservation.lines().equals(order.lines())) {
            findings.add(Finding.violation(id, APPROVED,
                    "reservation lines differ from the order's: " + differences(order.lines(), reservation.lines())));
        }
        return findings;
    }

    private static List<Finding> undone(OrderRow order, ReservationRow reservation, PaymentRow payment) {
        List<Finding> findings = new ArrayList<>();
        if (payment != null && PaymentRow.CHARGED.equals(payment.status())) {
            findings.add(Finding.violation(order.id(), order.status(),
                    order.status() + " but payment is CHARGED (" + payment.money() + " not refunded)"));
        }
        if (reservation != null && reservation.isLive()) {
            findings.add(Finding.violation(order.id(), order.status(), order.status() + " but reservation is "
                    + reservation.status() + " " + lines(reservation.lines())));
        }
        return findings;
    }

    private Finding notSettled(OrderRow order) {
        return Finding.warning(order.id(), order.status(), "not settled: " + order.status() + " for "
                + Durations.format(age(settlingSince(order))) + " (see ops.sh saga show " + order.id() + ")");
    }

    /** PENDING or CANCELLING: the saga has not settled the order yet. */
    static boolean isSettling(OrderRow order) {
        return PENDING.equals(order.status()) || CANCELLING.equals(order.status());
    }

    /** How long the order has been in its current, unsettled state. */
    private static Instant settlingSince(OrderRow order) {
        if (CANCELLING.equals(order.status())) {
            return order.cancellationRequestedAt() != null ? order.cancellationRequestedAt() : order.updatedAt();
        }
        return order.createdAt();
    }

    private boolean recentlyUpdated(OrderRow order) {
        return age(order.updatedAt()).compareTo(settleAfter) < 0;
    }

    private Duration age(Instant since) {
        return Duration.between(since, now);
    }

    /** {@code SKU-1 ordered 2, reserved 1; SKU-9 ordered 0, reserved 3}, only the SKUs that differ. */
    private static String differences(SortedMap<String, Integer> ordered, SortedMap<String, Integer> reserved) {
        TreeSet<String> skus = new TreeSet<>(ordered.keySet());
        skus.addAll(reserved.keySet());
        return skus.stream()
                .filter(sku -> !Objects.equals(ordered.get(sku), reserved.get(sku)))
                .map(sku -> sku + " ordered " + ordered.getOrDefault(sku, 0) + ", reserved " + reserved.getOrDefault(sku, 0))
                .collect(Collectors.joining("; "));
    }

    /** {@code (SKU-1 x2, SKU-2 x1)}. */
    static String lines(Map<String, Integer> lines) {
        return lines.entrySet().stream().map(line -> line.getKey() + " x" + line.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
