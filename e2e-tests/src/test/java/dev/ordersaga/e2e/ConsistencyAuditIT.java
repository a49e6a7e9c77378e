package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.infra.ServiceDatabase;
import dev.ordersaga.localstack.StackService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * `ops audit` reads the three services' databases after real sagas: it finds nothing wrong with approved,
 * rejected and cancelled orders, and it names the one order whose payment was tampered with behind the
 * services' back. Other scenarios' leftovers may be in the shared databases, so this checks what the audit
 * says about its own orders rather than its overall verdict.
 */
class ConsistencyAuditIT extends FailurePathTest {

    @Test
    void auditFindsSettledOrdersConsistentAndNamesATamperedPayment() throws SQLException {
        Map<StackService, ServiceDatabase> databases = localStack().endpoints().databases();
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        String approved = placeOrder(customerId, Line.of(sku, 2, UNIT_PRICE));
        String rejected = placeOrder(customerId, Line.of(sku, 50, UNIT_PRICE));
        String cancelled = placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE));
        publishCancelOrder(cancelled, "audit scenario");
        String tampered = placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE));
        assertThat(invariants.assertHoldWithoutResends()).containsEntry(approved, "APPROVED")
                .containsEntry(rejected, "REJECTED").containsEntry(cancelled, "CANCELLED")
                .containsEntry(tampered, "APPROVED");

        changeChargedAmount(databases.get(StackService.PAYMENT_SERVICE), tampered, -100);
        Ops.Result audit = Ops.run(Ops.auditArgs(databases, "PT10M"));

        assertThat(audit.exitCode()).as(audit.toString()).isEqualTo(5);
        JsonNode report = Json.tree(audit.out());
        List<JsonNode> violations = StreamSupport.stream(report.path("violations").spliterator(), false).toList();
        assertThat(violations).as(audit.out())
                .noneMatch(violation -> List.of(approved, rejected, cancelled)
                        .contains(violation.path("orderId").asText()));
        assertThat(violations).as(audit.out()).anySatisfy(violation -> {
            assertThat(violation.path("orderId").asText()).isEqualTo(tampered);
            assertThat(violation.path("problem").asText()).contains("charged 900 EUR, total 1000 EUR");
        });

        // Put the tampered charge back: with it, every service and the provider agree again.
        changeChargedAmount(databases.get(StackService.PAYMENT_SERVICE), tampered, 100);
        invariants.assertHold();
    }

    /** What no service would do: the charge of an approved order changed in place. */
    private static void changeChargedAmount(ServiceDatabase payments, String orderId, long by) throws SQLException {
        try (Connection connection = DriverManager.getConnection(payments.jdbcUrl(), payments.username(),
                payments.password());
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE payments SET amount = amount + ? WHERE order_id = ?")) {
            update.setLong(1, by);
            update.setObject(2, UUID.fromString(orderId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
