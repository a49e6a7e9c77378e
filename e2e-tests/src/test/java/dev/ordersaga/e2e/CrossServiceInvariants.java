package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every scenario must leave behind, checked through the services' own APIs (so it also holds against
 * docker-compose): every order ended, and all services agree on how.
 * <ul>
 *   <li>an APPROVED order has one net charge of exactly its total and a CONFIRMED reservation;</li>
 *   <li>a REJECTED or CANCELLED order has no net charge (no payment, DECLINED or REFUNDED) and holds no
 *       stock (no reservation, or RELEASED);</li>
 *   <li>stock is conserved: per product nothing stays reserved, sold is what the approved orders bought,
 *       and available is the seeded stock minus that;</li>
 *   <li>per customer the balance is the seeded one minus the approved totals;</li>
 *   <li>each order's saga ended the matching way: COMPLETED for APPROVED, COMPENSATED otherwise.</li>
 * </ul>
 * A scenario records what it seeded and placed here, then calls {@link #assertHold()}.
 */
final class CrossServiceInvariants {

    private static final Set<String> FINAL_ORDER_STATES = Set.of("APPROVED", "REJECTED", "CANCELLED");
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, Long> seededStock = new LinkedHashMap<>();
    private final Map<String, Long> seededBalance = new LinkedHashMap<>();
    // Scenarios may place orders from several threads at once.
    private final Map<String, PlacedOrder> orders = Collections.synchronizedMap(new LinkedHashMap<>());

    record PlacedOrder(String orderId, String customerId, List<EndToEndTest.Line> lines) {

        long total() {
            return lines.stream().mapToLong(line -> line.quantity() * line.unitPrice()).sum();
        }

        long quantityOf(String sku) {
            return lines.stream().filter(line -> line.sku().equals(sku)).mapToLong(EndToEndTest.Line::quantity).sum();
        }
    }

    void product(String sku, long stock) {
        seededStock.put(sku, stock);
    }

    void customer(String customerId, long balance) {
        seededBalance.put(customerId, balance);
    }

    void order(String orderId, String customerId, EndToEndTest.Line... lines) {
        orders.put(orderId, new PlacedOrder(orderId, customerId, List.of(lines)));
    }

    /** The recorded orders, in the order they were placed. */
    List<String> orderIds() {
        return List.copyOf(orders.keySet());
    }

    /** Waits until every recorded order and its saga have ended, then checks every invariant at once. */
    Map<String, String> assertHold() {
        Map<String, String> outcomes = awaitEveryOrderEnded();
        await("every saga to end as its order did").atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> outcomes.forEach((orderId, status) ->
                        assertThat(EndToEndTest.saga(orderId).state()).as("saga of %s order %s", status, orderId)
                                .isEqualTo("APPROVED".equals(status) ? "COMPLETED" : "COMPENSATED")));
        await("stock and balances to settle").atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    outcomes.forEach(this::assertPaymentAndReservationAgree);
                    seededStock.keySet().forEach(sku -> assertStockConserved(sku, outcomes));
                    seededBalance.keySet().forEach(customerId -> assertBalance(customerId, outcomes));
                });
        return outcomes;
    }

    private Map<String, String> awaitEveryOrderEnded() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        await("every order to reach a final state").atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    List<String> pending = new ArrayList<>();
                    for (String orderId : List.copyOf(orders.keySet())) {
                        String status = orderStatus(orderId);
                        if (FINAL_ORDER_STATES.contains(status)) {
                            outcomes.put(orderId, status);
                        } else {
                            pending.add(orderId + "=" + status);
                        }
                    }
                    assertThat(pending).as("orders not yet final").isEmpty();
                });
        return outcomes;
    }

    private void assertPaymentAndReservationAgree(String orderId, String status) {
        PlacedOrder order = orders.get(orderId);
        Views.Payment payment = EndToEndTest.payment(orderId);
        String reservation = EndToEndTest.reservationStatus(orderId);
        if ("APPROVED".equals(status)) {
            assertThat(payment).as("payment of approved order %s", orderId).isNotNull();
            assertThat(payment.status()).as("payment of approved order %s", orderId).isEqualTo("CHARGED");
            assertThat(payment.amount().amount()).as("charge of order %s", orderId).isEqualTo(order.total());
            assertThat(reservation).as("reservation of approved order %s", orderId).isEqualTo("CONFIRMED");
        } else {
            if (payment != null) {
                assertThat(payment.status()).as("payment of %s order %s has no net charge", status, orderId)
                        .isIn("DECLINED", "REFUNDED");
            }
            if (reservation != null) {
                assertThat(reservation).as("reservation of %s order %s holds no stock", status, orderId)
                        .isEqualTo("RELEASED");
            }
        }
    }

    private void assertStockConserved(String sku, Map<String, String> outcomes) {
        long sold = approved(outcomes).stream().mapToLong(order -> order.quantityOf(sku)).sum();
        Views.Product product = EndToEndTest.product(sku);
        assertThat(product.reserved()).as("units of %s still reserved", sku).isZero();
        assertThat(product.sold()).as("units of %s sold", sku).isEqualTo(sold);
        assertThat(product.available()).as("units of %s available", sku).isEqualTo(seededStock.get(sku) - sold);
    }

    private void assertBalance(String customerId, Map<String, String> outcomes) {
        long spent = approved(outcomes).stream()
                .filter(order -> order.customerId().equals(customerId))
                .mapToLong(PlacedOrder::total)
                .sum();
        assertThat(EndToEndTest.account(customerId).balance().amount()).as("balance of %s", customerId)
                .isEqualTo(seededBalance.get(customerId) - spent);
    }

    private List<PlacedOrder> approved(Map<String, String> outcomes) {
        return orders.values().stream().filter(order -> "APPROVED".equals(outcomes.get(order.orderId()))).toList();
    }

    private static String orderStatus(String orderId) {
        Views.Order order = EndToEndTest.findOrder(orderId);
        return order == null ? "absent" : order.status();
    }
}
