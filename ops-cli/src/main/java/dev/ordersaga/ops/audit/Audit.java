package dev.ordersaga.ops.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * The cross-database consistency check, in bounded memory whatever the number of orders (but for a compact set of
 * the order ids the payment provider holds captures for), and its reconciliation with the payment provider's books
 * ({@link ProviderReconciliation}).
 *
 * <p>The orders are read a page at a time, by id; after each page, the payments and reservations of the same id
 * range (after the previous page's last id, up to this page's last id) are read, also page by page, and the
 * three sorted streams are merge-joined in memory. Reading an order before its payment and reservation matters:
 * the saga settles payment and stock before it settles the order (it compensates before it rejects, and charges
 * before it approves), so what the audit finds on the other sides is never older than the order it read.
 *
 * <p>Payments and reservations without an order in the audited set are looked up in the orders database, a page
 * at a time: an order that exists is outside the audit (older than {@code since}, or placed since the audit read
 * its id range); one that does not makes its payment or reservation an orphan, unless that is a tombstone.
 */
final class Audit {

    /**
     * With {@code since}, payments and reservations are read from this much earlier: they are created after their
     * order, but by other services on other hosts, whose clocks may lag the order-service's a little.
     */
    static final Duration CLOCK_SKEW_MARGIN = Duration.ofMinutes(5);

    private final OrderReader orders;
    private final InventoryReader inventory;
    private final PaymentReader payments;
    private final ProviderReader provider;
    private final int batchSize;
    private final LongConsumer progress;

    /**
     * @param batchSize rows per query, and orphan candidates per lookup
     * @param progress  told the number of orders read after each page
     */
    Audit(OrderReader orders, InventoryReader inventory, PaymentReader payments, ProviderReader provider, int batchSize,
          LongConsumer progress) {
        this.orders = orders;
        this.inventory = inventory;
        this.payments = payments;
        this.provider = provider;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    AuditReport run(AuditScope scope) {
        AuditReport report = new AuditReport(scope);
        OrderRules rules = new OrderRules(scope.now(), scope.settleAfter());
        Orphans orphans = new Orphans(report);
        ProviderReconciliation books = new ProviderReconciliation(provider, orders, payments,
                new ProviderRules(rules, scope.since()), report, batchSize);
        books.checkCaptures();
        Instant otherSince = scope.since() == null ? null : scope.since().minus(CLOCK_SKEW_MARGIN);
        UUID after = null;
        boolean lastPage;
        do {
            List<OrderRow> page = orders.orders(scope.since(), after, batchSize);
            lastPage = page.size() < batchSize;
            // The last page's range is open: it also takes the other sides' ids beyond the last order.
            UUID upTo = lastPage ? null : page.get(page.size() - 1).id();
            MergeJoin groups = new MergeJoin(page.iterator(),
                    new Pages<>((from, limit) -> inventory.reservations(otherSince, from, upTo, limit),
                            ReservationRow::orderId, after, batchSize),
                    new Pages<>((from, limit) -> payments.payments(otherSince, from, upTo, limit),
                            PaymentRow::orderId, after, batchSize));
            groups.forEachRemaining(group -> {
                check(group, rules, report, orphans);
                if (group.payment() != null) {
                    books.checkPayment(group.payment());
                }
            });
            progress.accept(report.orders());
            after = upTo;
        } while (!lastPage);
        orphans.resolve();
        books.resolve();
        new Pages<>(inventory::products, ProductRow::sku, null, batchSize).forEachRemaining(product -> {
            report.countProduct();
            report.add(StockRules.check(product));
        });
        return report;
    }

    private static void check(OrderGroup group, OrderRules rules, AuditReport report, Orphans orphans) {
        report.countRows(group);
        OrderRow order = group.order();
        if (order == null) {
            orphans.suspect(group);
            return;
        }
        report.countOrder(order);
        if (rules.inFlight(order)) {
            report.countInFlight();
            return;
        }
        report.add(rules.check(group));
    }

    /** Payments and reservations whose order was not read, collected and then looked up a page at a time. */
    private final class Orphans {

        private final AuditReport report;
        private final List<OrderGroup> suspects = new ArrayList<>();

        Orphans(AuditReport report) {
            this.report = report;
        }

        void suspect(OrderGroup group) {
            // A tombstone is fine without an order (and needs no lookup): it only records that nothing happened.
            if (OrderRules.orphan(group).isEmpty()) {
                return;
            }
            suspects.add(group);
            if (suspects.size() >= batchSize) {
                resolve();
            }
        }

        void resolve() {
            if (suspects.isEmpty()) {
                return;
            }
            Set<UUID> existing = orders.existing(suspects.stream().map(OrderGroup::orderId).toList());
            for (OrderGroup suspect : suspects) {
                if (existing.contains(suspect.orderId())) {
                    report.countOutsideAudit();
                } else {
                    report.add(OrderRules.orphan(suspect));
                }
            }
            suspects.clear();
        }
    }
}
