package dev.ordersaga.ops.audit;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Joins three streams, each sorted by order id in {@link OrderIds#POSTGRES_ORDER} with at most one row per id,
 * into one {@link OrderGroup} per id, holding one row of each stream at a time.
 */
final class MergeJoin implements Iterator<OrderGroup> {

    private static final Comparator<UUID> ORDER = OrderIds.POSTGRES_ORDER;

    private final Head<OrderRow> orders;
    private final Head<ReservationRow> reservations;
    private final Head<PaymentRow> payments;

    MergeJoin(Iterator<OrderRow> orders, Iterator<ReservationRow> reservations, Iterator<PaymentRow> payments) {
        this.orders = new Head<>("orders", orders, OrderRow::id);
        this.reservations = new Head<>("reservations", reservations, ReservationRow::orderId);
        this.payments = new Head<>("payments", payments, PaymentRow::orderId);
    }

    @Override
    public boolean hasNext() {
        return orders.key() != null || reservations.key() != null || payments.key() != null;
    }

    @Override
    public OrderGroup next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        UUID key = min(min(orders.key(), reservations.key()), payments.key());
        return new OrderGroup(key, orders.takeIf(key), reservations.takeIf(key), payments.takeIf(key));
    }

    private static UUID min(UUID a, UUID b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return ORDER.compare(a, b) <= 0 ? a : b;
    }

    /** One stream and its current row, checked to ascend strictly: a merge of unsorted input would invent orphans. */
    private static final class Head<T> {

        private final String name;
        private final Iterator<T> rows;
        private final Function<T, UUID> key;
        private T current;

        Head(String name, Iterator<T> rows, Function<T, UUID> key) {
            this.name = name;
            this.rows = rows;
            this.key = key;
            advance(null);
        }

        UUID key() {
            return current == null ? null : key.apply(current);
        }

        T takeIf(UUID wanted) {
            if (current == null || !key().equals(wanted)) {
                return null;
            }
            T taken = current;
            advance(wanted);
            return taken;
        }

        private void advance(UUID previous) {
            current = rows.hasNext() ? rows.next() : null;
            if (current != null && previous != null && ORDER.compare(key(), previous) <= 0) {
                throw new IllegalStateException(name + " are not sorted by order id: " + key() + " came after " + previous);
            }
        }
    }
}
