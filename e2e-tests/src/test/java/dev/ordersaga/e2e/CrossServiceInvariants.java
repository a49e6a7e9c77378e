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
import java.util.stream.Collectors;

/**
 * What every scenario must leave behind, checked through the services' own APIs and the payment provider's
 * report (so it also holds against docker-compose): every order ended, and all services agree on how.
 * <ul>
 *   <li>an APPROVED order has one net charge of exactly its total, a CONFIRMED reservation, and exactly one live
 *       capture of its total at the provider;</li>
 *   <li>a REJECTED or CANCELLED order has no net charge (no payment, DECLINED or REFUNDED), holds no stock (no
 *       reservation, or RELEASED) and has no live capture at the provider; and what its saga's history shows
 *       happened was undone: a reservation it shows was released, a charge it shows was refunded, by the
 *       participant and (for a charge) at the provider;</li>
 *   <li>stock is conserved: per product nothing stays reserved, sold is what the approved orders bought,
 *       and available is the seeded stock minus that;</li>
 *   <li>per customer the balance is the seeded one minus the approved totals, and so are the provider's
 *       captures minus its refunds: no money is held for an order that did not go through;</li>
 *   <li>each order's saga ended the matching way: COMPLETED for APPROVED, COMPENSATED otherwise.</li>
 * </ul>
 * A scenario records what it seeded and placed here, then calls {@link #assertHold()}; a scenario that injected
 * no fault calls {@link #assertHoldWithoutResends()}, so that an outcome reached only through retries fails it.
 */
final class CrossServiceInvariants {

    private static final Set<String> FINAL_ORDER_STATES = Set.of("APPROVED", "REJECTED", "CANCELLED");
    /** Timeline entries of a step that needed a second try: no reply in time, or a participant that could not act. */
    private static final Set<String> RETRY_ENTRIES = Set.of("DEADLINE_PASSED", "COMMAND_RESENT", "TRANSIENT_FAILURE");
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

    /** Records a customer's balance; recording it again (the scenario changed it) replaces the seeded one. */
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
        await("stock, balances and the provider's captures to settle").atMost(SETTLE_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    Map<String, List<Views.ProviderCharge>> captures = capturesByKey();
                    outcomes.forEach((orderId, status) -> {
                        assertPaymentAndReservationAgree(orderId, status);
                        assertProviderAgrees(orderId, status,
                                captures.getOrDefault(EndToEndTest.chargeKey(orderId), List.of()));
                        if (!"APPROVED".equals(status)) {
                            assertHistoryUndone(orderId, status);
                        }
                    });
                    seededStock.keySet().forEach(sku -> assertStockConserved(sku, outcomes));
                    seededBalance.keySet().forEach(customerId -> {
                        assertBalance(customerId, outcomes);
                        assertProviderHoldsApprovedTotals(customerId, outcomes, captures);
                    });
                });
        return outcomes;
    }

    /**
     * {@link #assertHold()} for a scenario that injected no fault: besides, no saga step needed a second try. No
     * deadline passed, no command was re-sent and no participant answered that it could not act, so an outcome that
     * was only reached through re-sends fails the scenario.
     */
    Map<String, String> assertHoldWithoutResends() {
        Map<String, String> outcomes = assertHold();
        outcomes.keySet().forEach(orderId -> assertThat(EndToEndTest.saga(orderId).history())
                .as("saga of order %s took every step at the first try", orderId)
                .filteredOn(entry -> RETRY_ENTRIES.contains(entry.type()))
                .isEmpty());
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

    /** The provider holds exactly the approved order's total, once; for any other order it holds nothing. */
    private void assertProviderAgrees(String orderId, String status, List<Views.ProviderCharge> charges) {
        if ("APPROVED".equals(status)) {
            PlacedOrder order = orders.get(orderId);
            assertThat(charges).as("captures at the provider for approved order %s", orderId).singleElement()
                    .satisfies(charge -> {
                        assertThat(charge.live()).as("capture of %s is live: %s", orderId, charge).isTrue();
                        assertThat(charge.amount()).as("capture of %s", orderId).isEqualTo(order.total());
                        assertThat(charge.currency()).as("capture of %s", orderId)
                                .isEqualTo(EndToEndTest.payment(orderId).amount().currency());
                        assertThat(charge.customerId()).as("capture of %s", orderId).isEqualTo(order.customerId());
                    });
        } else {
            assertThat(charges).as("captures the provider still holds for %s order %s", status, orderId)
                    .noneMatch(Views.ProviderCharge::live);
        }
    }

    /**
     * A REJECTED or CANCELLED order may have had stock reserved or money charged before it failed: whatever its
     * saga's history shows happened must show undone too, and the participant must say so. That the participant
     * has nothing (no reservation, no payment) is not enough once the history shows there was something.
     */
    private void assertHistoryUndone(String orderId, String status) {
        List<String> messages = EndToEndTest.saga(orderId).messageTypes();
        if (messages.contains("InventoryReserved")) {
            assertThat(messages).as("history of %s order %s, which reserved stock", status, orderId)
                    .contains("InventoryReleased");
            assertThat(EndToEndTest.reservationStatus(orderId))
                    .as("reservation of %s order %s, which reserved stock", status, orderId).isEqualTo("RELEASED");
        }
        if (messages.contains("PaymentCharged")) {
            assertThat(messages).as("history of %s order %s, which was charged", status, orderId)
                    .contains("PaymentRefunded");
            Views.Payment payment = EndToEndTest.payment(orderId);
            assertThat(payment).as("payment of %s order %s, which was charged", status, orderId).isNotNull();
            assertThat(payment.status()).as("payment of %s order %s, which was charged", status, orderId)
                    .isEqualTo("REFUNDED");
            assertThat(EndToEndTest.providerCharges(orderId))
                    .as("the provider's capture of %s order %s, which was charged", status, orderId)
                    .singleElement().extracting(Views.ProviderCharge::status).isEqualTo("refunded");
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

    /** Captures minus refunds at the provider, for this customer: exactly what its approved orders cost. */
    private void assertProviderHoldsApprovedTotals(String customerId, Map<String, String> outcomes,
                                                   Map<String, List<Views.ProviderCharge>> captures) {
        long approvedTotal = approved(outcomes).stream()
                .filter(order -> order.customerId().equals(customerId))
                .mapToLong(PlacedOrder::total)
                .sum();
        long held = captures.values().stream().flatMap(List::stream)
                .filter(charge -> customerId.equals(charge.customerId()) && charge.live())
                .mapToLong(Views.ProviderCharge::amount)
                .sum();
        assertThat(held).as("captures minus refunds at the provider for %s", customerId).isEqualTo(approvedTotal);
    }

    /** One read of the provider's report, by idempotency key. */
    private static Map<String, List<Views.ProviderCharge>> capturesByKey() {
        return EndToEndTest.providerCharges().stream()
                .collect(Collectors.groupingBy(Views.ProviderCharge::idempotencyKey));
    }

    private List<PlacedOrder> approved(Map<String, String> outcomes) {
        return orders.values().stream().filter(order -> "APPROVED".equals(outcomes.get(order.orderId()))).toList();
    }

    private static String orderStatus(String orderId) {
        Views.Order order = EndToEndTest.findOrder(orderId);
        return order == null ? "absent" : order.status();
    }
}
