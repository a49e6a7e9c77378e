package dev.ordersaga.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.ops.audit.DatabaseTarget.Known;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

    @Test
    void withoutFlagsOrEnvironmentTheLocalStacksDatabasesAreAudited() {
        assertThat(Known.ORDERS.resolve(null, null, null, Map.of())).isEqualTo(new DatabaseTarget("orders",
                "jdbc:postgresql://localhost:5432/orders", "order_service", "order_service"));
        assertThat(Known.INVENTORY.resolve(null, null, null, Map.of())).isEqualTo(new DatabaseTarget("inventory",
                "jdbc:postgresql://localhost:5432/inventory", "inventory_service", "inventory_service"));
        assertThat(Known.PAYMENTS.resolve(null, null, null, Map.of())).isEqualTo(new DatabaseTarget("payments",
                "jdbc:postgresql://localhost:5432/payments", "payment_service", "payment_service"));
    }

    @Test
    void theEnvironmentOverridesTheDefaultsAndFlagsOverrideTheEnvironment() {
        Map<String, String> env = Map.of(
                "ORDERSAGA_PAYMENTS_DB_URL", "jdbc:postgresql://db:5432/payments",
                "ORDERSAGA_PAYMENTS_DB_USER", "auditor",
                "ORDERSAGA_PAYMENTS_DB_PASSWORD", "secret");

        assertThat(Known.PAYMENTS.resolve(null, null, null, env))
                .isEqualTo(new DatabaseTarget("payments", "jdbc:postgresql://db:5432/payments", "auditor", "secret"));
        assertThat(Known.PAYMENTS.resolve("jdbc:postgresql://replica/payments", null, "other", env))
                .isEqualTo(new DatabaseTarget("payments", "jdbc:postgresql://replica/payments", "auditor", "other"));
    }

    @Test
    void aBlankValueCountsAsNotGiven() {
        assertThat(Known.ORDERS.resolve(" ", null, null, Map.of("ORDERSAGA_ORDERS_DB_URL", "")).url())
                .isEqualTo("jdbc:postgresql://localhost:5432/orders");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        assertThat(new DatabaseTarget("orders", "jdbc:postgresql://db/orders", "auditor", "secret").toString())
                .isEqualTo("the orders database at jdbc:postgresql://db/orders as auditor")
                .doesNotContain("secret");
    }
}
