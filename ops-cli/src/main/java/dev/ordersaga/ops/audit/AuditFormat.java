package dev.ordersaga.ops.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ordersaga.ops.Durations;
import dev.ordersaga.ops.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** An audit's report as text (a summary, then the findings as tables, then the verdict) or as JSON. */
final class AuditFormat {

    private static final String SUMMARY_LINE = "  %-12s %9d  %s";

    private AuditFormat() {
    }

    static String text(AuditReport report) {
        AuditScope scope = report.scope();
        StringBuilder text = new StringBuilder();
        text.append("Audit of ").append(scope.since() == null ? "all orders" : "orders created since " + scope.since())
                .append(" at ").append(scope.now().truncatedTo(ChronoUnit.SECONDS)).append(", settle-after ").append(Durations.format(scope.settleAfter()))
                .append("\n\n");
        summary(text, "orders", report.orders(), byStatus(report) + inFlight(report));
        summary(text, "payments", report.payments(), "");
        summary(text, "reservations", report.reservations(), "");
        summary(text, "tombstones", report.tombstones(), "payments and reservations closed before anything happened");
        summary(text, "outside", report.outsideAudit(),
                "payments and reservations of orders not audited (older than --since, or placed meanwhile)");
        summary(text, "products", report.products(), "");
        summary(text, "captures", report.captures(),
                "at the payment provider, " + report.refundedCaptures() + " of them refunded");
        appendFindings(text, "Violations", report.violations(), report.violationCount(), scope.limit());
        appendFindings(text, "Warnings", report.warnings(), report.warningCount(), scope.limit());
        text.append('\n').append(report.consistent() ? "CONSISTENT: " : "INCONSISTENT: ")
                .append(count(report.violationCount(), "violation")).append(", ")
                .append(count(report.warningCount(), "warning")).append('\n');
        return text.toString();
    }

    private static void summary(StringBuilder text, String what, long count, String detail) {
        text.append(String.format(Locale.ROOT, SUMMARY_LINE, what, count, detail).stripTrailing()).append('\n');
    }

    private static String byStatus(AuditReport report) {
        return report.ordersByStatus().entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    private static String inFlight(AuditReport report) {
        return report.ordersInFlight() == 0 ? ""
                : "; " + report.ordersInFlight() + " in flight (younger than settle-after), not checked";
    }

    private static void appendFindings(StringBuilder text, String title, List<Finding> listed, long count, int limit) {
        if (count == 0) {
            return;
        }
        text.append('\n').append(title).append(" (").append(count)
                .append(listed.size() < count ? ", the first " + listed.size() + " listed; --limit " + limit : "")
                .append("):\n");
        Table orders = new Table("ORDER ID", "STATUS", "PROBLEM");
        Table products = new Table("SKU", "PROBLEM");
        for (Finding finding : listed) {
            if (finding.isAboutStock()) {
                products.row(finding.sku(), finding.problem());
            } else {
                orders.row(finding.orderId(), finding.status(), finding.problem());
            }
        }
        if (!orders.isEmpty()) {
            text.append(orders.format());
        }
        if (!products.isEmpty()) {
            text.append(orders.isEmpty() ? "" : "\n").append(products.format());
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static JsonView json(AuditReport report) {
        AuditScope scope = report.scope();
        return new JsonView(report.consistent(), scope.now(), scope.since(), scope.settleAfter().toString(),
                report.orders(), report.ordersByStatus(), report.ordersInFlight(), report.payments(),
                report.reservations(), report.tombstones(), report.outsideAudit(), report.products(),
                report.captures(), report.refundedCaptures(), report.violationCount(), report.warningCount(), scope.limit(),
                report.violations().stream().map(FindingView::of).toList(),
                report.warnings().stream().map(FindingView::of).toList());
    }

    /** The {@code --json} shape; {@code violations} and {@code warnings} list at most {@code limit} each. */
    record JsonView(boolean consistent, Instant at, Instant since, String settleAfter, long orders,
                    Map<String, Long> ordersByStatus, long ordersInFlight, long payments, long reservations,
                    long tombstones, long outsideAudit, long products, long providerCaptures,
                    long providerRefundedCaptures, long violationCount, long warningCount,
                    int limit, List<FindingView> violations, List<FindingView> warnings) {
    }

    /** A finding about an order ({@code orderId}, {@code status} unless the order does not exist) or a product ({@code sku}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FindingView(UUID orderId, String status, String sku, String problem) {
        static FindingView of(Finding finding) {
            return new FindingView(finding.orderId(), finding.status(), finding.sku(), finding.problem());
        }
    }
}
