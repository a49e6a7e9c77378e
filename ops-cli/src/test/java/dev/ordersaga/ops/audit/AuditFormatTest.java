package dev.ordersaga.ops.audit;

import static dev.ordersaga.ops.audit.TestRows.NOW;
import static dev.ordersaga.ops.audit.TestRows.id;
import static dev.ordersaga.ops.audit.TestRows.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFormatTest {

    private static final Duration SETTLE_AFTER = Duration.ofMinutes(5);

    @Test
    void aConsistentAuditIsASummaryAndTheVerdict() {
        AuditReport report = new AuditReport(new AuditScope(NOW, null, SETTLE_AFTER, 1000));
        report.countOrder(order(id(1), OrderRules.APPROVED));
        report.countOrder(order(id(2), OrderRules.PENDING));
        report.countInFlight();
        report.countRows(new OrderGroup(id(1), null, TestRows.reservation(id(1), ReservationRow.CONFIRMED),
                TestRows.payment(id(1), PaymentRow.CHARGED)));
        report.countProduct();

        assertThat(AuditFormat.text(report)).isEqualTo("""
                Audit of all orders at 2025-06-01T12:00:00Z, settle-after 5m00s

                  orders               2  PENDING 1, APPROVED 1; 1 in flight (younger than settle-after), not checked
                  payments             1
                  reservations         1
                  tombstones           0  payments and reservations closed before anything happened
                  outside              0  payments and reservations of orders not audited (older than --since, or placed meanwhile)
                  products             1
                  captures             0  at the payment provider, 0 of them refunded

                CONSISTENT: 0 violations, 0 warnings
                """);
    }

    @Test
    void findingsAreTablesOfOrdersThenOfProducts() {
        AuditReport report = new AuditReport(new AuditScope(NOW, Instant.parse("2025-06-01T00:00:00Z"), SETTLE_AFTER, 1000));
        report.add(Finding.violation(id(1), OrderRules.APPROVED, "charged 900 EUR, total 1000 EUR"));
        report.add(Finding.violation(id(2), null, "no such order, but payment x is CHARGED 1000 EUR"));
        report.add(Finding.stock("SKU-1", "reserved 12, but RESERVED reservations hold 10"));
        report.add(Finding.warning(id(3), OrderRules.PENDING, "not settled: PENDING for 12m00s"));

        String text = AuditFormat.text(report);

        assertThat(text).startsWith("Audit of orders created since 2025-06-01T00:00:00Z at 2025-06-01T12:00:00Z");
        assertThat(text).contains("""

                Violations (3):
                ORDER ID                              STATUS    PROBLEM
                11111111-1111-1111-0000-000000000001  APPROVED  charged 900 EUR, total 1000 EUR
                22222222-2222-2222-0000-000000000002  -         no such order, but payment x is CHARGED 1000 EUR

                SKU    PROBLEM
                SKU-1  reserved 12, but RESERVED reservations hold 10

                Warnings (1):
                ORDER ID                              STATUS   PROBLEM
                33333333-3333-3333-0000-000000000003  PENDING  not settled: PENDING for 12m00s

                INCONSISTENT: 3 violations, 1 warning
                """);
    }

    @Test
    void aListCutByTheLimitSaysSo() {
        AuditReport report = new AuditReport(new AuditScope(NOW, null, SETTLE_AFTER, 1));
        report.add(Finding.violation(id(1), OrderRules.APPROVED, "APPROVED but no payment"));
        report.add(Finding.violation(id(2), OrderRules.APPROVED, "APPROVED but no payment"));

        assertThat(AuditFormat.text(report)).contains("Violations (2, the first 1 listed; --limit 1):\n")
                .doesNotContain(id(2).toString());
    }

    @Test
    void jsonHasTheCountsAndTheListedFindings() throws Exception {
        AuditReport report = new AuditReport(new AuditScope(NOW, null, SETTLE_AFTER, 1000));
        report.countOrder(order(id(1), OrderRules.APPROVED));
        report.add(Finding.violation(id(1), OrderRules.APPROVED, "APPROVED but no payment"));
        report.add(Finding.stock("SKU-1", "sold 5, but CONFIRMED reservations hold 3"));

        JsonNode json = Json.mapper().readTree(Json.pretty(AuditFormat.json(report)));

        assertThat(json.get("consistent").asBoolean()).isFalse();
        assertThat(json.get("at").asText()).isEqualTo("2025-06-01T12:00:00Z");
        assertThat(json.get("since").isNull()).isTrue();
        assertThat(json.get("settleAfter").asText()).isEqualTo("PT5M");
        assertThat(json.get("orders").asLong()).isEqualTo(1);
        assertThat(json.get("ordersByStatus").get("APPROVED").asLong()).isEqualTo(1);
        assertThat(json.get("violationCount").asLong()).isEqualTo(2);
        assertThat(json.get("warningCount").asLong()).isZero();
        assertThat(json.get("violations").get(0).toString()).isEqualTo("{\"orderId\":\"" + id(1)
                + "\",\"status\":\"APPROVED\",\"problem\":\"APPROVED but no payment\"}");
        assertThat(json.get("violations").get(1).toString())
                .isEqualTo("{\"sku\":\"SKU-1\",\"problem\":\"sold 5, but CONFIRMED reservations hold 3\"}");
        assertThat(json.get("warnings")).isEmpty();
    }
}
