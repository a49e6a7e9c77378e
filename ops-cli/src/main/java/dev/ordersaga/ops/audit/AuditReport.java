package dev.ordersaga.ops.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an audit read and found: counts of everything, and the findings up to the scope's limit. */
final class AuditReport {

    private final AuditScope scope;
    private final Map<String, Long> ordersByStatus = new LinkedHashMap<>();
    private long ordersInFlight;
    private long payments;
    private long reservations;
    private long tombstones;
    private long outsideAudit;
    private long products;
    private long captures;
    private long refundedCaptures;
    private long violationCount;
    private long warningCount;
    private final List<Finding> violations = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();

    AuditReport(AuditScope scope) {
        this.scope = scope;
        for (String status : List.of(OrderRules.PENDING, OrderRules.APPROVED, OrderRules.REJECTED,
                OrderRules.CANCELLING, OrderRules.CANCELLED)) {
            ordersByStatus.put(status, 0L);
        }
    }

    void countOrder(OrderRow order) {
        ordersByStatus.merge(order.status(), 1L, Long::sum);
    }

    void countInFlight() {
        ordersInFlight++;
    }

    void countRows(OrderGroup group) {
        if (group.payment() != null) {
            payments++;
            tombstones += group.payment().isTombstone() ? 1 : 0;
        }
        if (group.reservation() != null) {
            reservations++;
            tombstones += group.reservation().isTombstone() ? 1 : 0;
        }
    }

    void countOutsideAudit() {
        outsideAudit++;
    }

    void countProduct() {
        products++;
    }

    void countCapture(CaptureRow capture) {
        captures++;
        refundedCaptures += capture.isRefunded() ? 1 : 0;
    }

    void add(List<Finding> findings) {
        findings.forEach(this::add);
    }

    void add(Finding finding) {
        if (finding.isViolation()) {
            violationCount++;
            listUpToLimit(violations, finding);
        } else {
            warningCount++;
            listUpToLimit(warnings, finding);
        }
    }

    private void listUpToLimit(List<Finding> listed, Finding finding) {
        if (listed.size() < scope.limit()) {
            listed.add(finding);
        }
    }

    boolean consistent() {
        return violationCount == 0;
    }

    AuditScope scope() {
        return scope;
    }

    /** Known statuses first, in their life-cycle order, even at 0; then any other status seen. */
    Map<String, Long> ordersByStatus() {
        return Collections.unmodifiableMap(ordersByStatus);
    }

    long orders() {
        return ordersByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Orders PENDING or CANCELLING for less than settle-after: counted, not checked. */
    long ordersInFlight() {
        return ordersInFlight;
    }

    /** Payments read: those of the audited orders, orphans, tombstones and those of orders outside the audit. */
    long payments() {
        return payments;
    }

    long reservations() {
        return reservations;
    }

    /** Payments and reservations recording that an order was closed before anything happened to it. */
    long tombstones() {
        return tombstones;
    }

    /**
     * Order ids read on the payments or inventory side whose order exists but is not among the audited ones: older
     * than --since, or placed while the audit ran.
     */
    long outsideAudit() {
        return outsideAudit;
    }

    long products() {
        return products;
    }

    /** Captures the payment provider listed, every one it ever made (declines are not captures). */
    long captures() {
        return captures;
    }

    /** Those of {@link #captures()} that were refunded since. */
    long refundedCaptures() {
        return refundedCaptures;
    }

    long violationCount() {
        return violationCount;
    }

    long warningCount() {
        return warningCount;
    }

    List<Finding> violations() {
        return Collections.unmodifiableList(violations);
    }

    List<Finding> warnings() {
        return Collections.unmodifiableList(warnings);
    }
}
