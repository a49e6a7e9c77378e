package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Fifty orders race for the last ten units: exactly ten are sold, every other order is rejected. */
class OversellRaceIT extends FailurePathTest {

    private static final int UNITS = 10;
    private static final int ORDERS = 50;

    @Test
    void fiftyConcurrentOrdersForTenUnitsSellExactlyTen() {
        String sku = newProduct(UNITS);
        List<String> customers = IntStream.range(0, ORDERS).mapToObj(i -> newCustomer(10 * UNIT_PRICE)).toList();

        customers.parallelStream().forEach(customerId -> placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE)));

        Map<String, String> outcomes = invariants.assertHoldWithoutResends();
        Collection<String> statuses = outcomes.values();
        assertThat(statuses).hasSize(ORDERS);
        assertThat(statuses).filteredOn("APPROVED"::equals).hasSize(UNITS);
        assertThat(statuses).filteredOn("REJECTED"::equals).hasSize(ORDERS - UNITS);
        assertThat(product(sku).sold()).isEqualTo(UNITS);
        assertThat(product(sku).available()).isZero();
    }
}
