package dev.ordersaga.ops.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The three databases and the provider's reporting API as lists, answering like the SQL and the API do, and
 * counting the queries they get.
 */
final class InMemoryDatabases implements OrderReader, InventoryReader, PaymentReader, ProviderReader {

    final List<OrderRow> orders = new ArrayList<>();
    final List<ReservationRow> reservations = new ArrayList<>();
    final List<PaymentRow> payments = new ArrayList<>();
    final List<ProductRow> products = new ArrayList<>();
    /** The provider's captures, in the order it made them. */
    final List<CaptureRow> captures = new ArrayList<>();
    /** Captures made after the audit listed the provider's: only a lookup by key finds them. */
    final List<CaptureRow> capturesMadeMeanwhile = new ArrayList<>();
    /** The ids of each lookup of payments by order id, and of orders by id, in order. */
    final List<Collection<UUID>> paymentLookups = new ArrayList<>();
    final List<Collection<UUID>> orderLookups = new ArrayList<>();
    int capturePages;
    int captureLookups;
    /** The size of each lookup of order ids, in order. */
    final List<Integer> lookups = new ArrayList<>();
    int orderQueries;
    int reservationQueries;
    int paymentQueries;

    InMemoryDatabases with(OrderRow... rows) {
        orders.addAll(List.of(rows));
        return this;
    }

    InMemoryDatabases with(ReservationRow... rows) {
        reservations.addAll(List.of(rows));
        return this;
    }

    InMemoryDatabases with(PaymentRow... rows) {
        payments.addAll(List.of(rows));
        return this;
    }

    InMemoryDatabases with(ProductRow... rows) {
        products.addAll(List.of(rows));
        return this;
    }

    InMemoryDatabases with(CaptureRow... rows) {
        captures.addAll(List.of(rows));
        return this;
    }

    /** As {@link #withApproved}, charged through the provider, which holds the capture. */
    InMemoryDatabases withApprovedAtProvider(UUID id) {
        return with(TestRows.order(id, OrderRules.APPROVED))
                .with(TestRows.paymentAtProvider(id, PaymentRow.CHARGED))
                .with(TestRows.reservation(id, ReservationRow.CONFIRMED))
                .with(TestRows.capture(id));
    }

    /** An order, its CHARGED payment and its CONFIRMED reservation, all as they should be. */
    InMemoryDatabases withApproved(UUID id) {
        return with(TestRows.order(id, OrderRules.APPROVED))
                .with(TestRows.payment(id, PaymentRow.CHARGED))
                .with(TestRows.reservation(id, ReservationRow.CONFIRMED));
    }

    @Override
    public List<OrderRow> orders(Instant since, UUID after, int limit) {
        orderQueries++;
        return page(orders.stream().filter(order -> since == null || !order.createdAt().isBefore(since)),
                OrderRow::id, after, null, limit);
    }

    @Override
    public Set<UUID> existing(Collection<UUID> ids) {
        lookups.add(ids.size());
        Set<UUID> found = new HashSet<>();
        orders.stream().map(OrderRow::id).filter(ids::contains).forEach(found::add);
        return found;
    }

    @Override
    public Map<UUID, OrderRow> ordersOf(Collection<UUID> ids) {
        orderLookups.add(List.copyOf(ids));
        return orders.stream().filter(order -> ids.contains(order.id()))
                .collect(Collectors.toMap(OrderRow::id, order -> order));
    }

    @Override
    public Map<UUID, PaymentRow> paymentsOf(Collection<UUID> orderIds) {
        paymentLookups.add(List.copyOf(orderIds));
        return payments.stream().filter(payment -> orderIds.contains(payment.orderId()))
                .collect(Collectors.toMap(PaymentRow::orderId, payment -> payment));
    }

    @Override
    public List<CaptureRow> captures(String startingAfter, int limit) {
        capturePages++;
        List<String> chargeIds = captures.stream().map(CaptureRow::chargeId).toList();
        int from = startingAfter == null ? 0 : chargeIds.indexOf(startingAfter) + 1;
        return List.copyOf(captures.subList(from, Math.min(captures.size(), from + limit)));
    }

    @Override
    public Optional<CaptureRow> capture(UUID orderId) {
        captureLookups++;
        return Stream.concat(captures.stream(), capturesMadeMeanwhile.stream())
                .filter(capture -> capture.idempotencyKey().equals(CaptureRow.keyOf(orderId))).findFirst();
    }

    @Override
    public List<ReservationRow> reservations(Instant since, UUID after, UUID upTo, int limit) {
        reservationQueries++;
        return page(reservations.stream().filter(row -> since == null || !row.createdAt().isBefore(since)),
                ReservationRow::orderId, after, upTo, limit);
    }

    @Override
    public List<PaymentRow> payments(Instant since, UUID after, UUID upTo, int limit) {
        paymentQueries++;
        return page(payments.stream().filter(row -> since == null || !row.createdAt().isBefore(since)),
                PaymentRow::orderId, after, upTo, limit);
    }

    @Override
    public List<ProductRow> products(String after, int limit) {
        return products.stream().filter(product -> after == null || product.sku().compareTo(after) > 0)
                .sorted(Comparator.comparing(ProductRow::sku)).limit(limit).toList();
    }

    private static <T> List<T> page(Stream<T> rows, Function<T, UUID> key, UUID after, UUID upTo, int limit) {
        Comparator<UUID> order = OrderIds.POSTGRES_ORDER;
        return rows.filter(row -> after == null || order.compare(key.apply(row), after) > 0)
                .filter(row -> upTo == null || order.compare(key.apply(row), upTo) <= 0)
                .sorted(Comparator.comparing(key, order))
                .limit(limit)
                .toList();
    }
}
