package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * 2,000 orders at the benchmark's highest in-flight count (256), as a producer that keeps that many waiting
 * for their outcome: most go through, some run out of stock of a scarce product, and one customer's are all
 * declined. Under that load every order gets exactly one outcome, every service agrees on it, and {@code ops
 * audit} finds nothing wrong with any of them. Step deadlines may pass under load (the scenario's orchestrator
 * uses short ones), so re-sent commands are allowed here; they must change no outcome's consistency.
 */
class SustainedLoadIT extends FailurePathTest {

    private static final int ORDERS = 2_000;
    private static final int IN_FLIGHT = 256;
    private static final int SCARCE_UNITS = 20;
    private static final int SCARCE_ORDERS = 100;
    private static final int UNPAID_ORDERS = 100;
    private static final Set<String> FINAL_EVENTS = Set.of("OrderApproved", "OrderRejected", "OrderCancelled");
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(6);

    private final Random random = new Random(20261202);

    @Test
    void twoThousandOrdersAtTheHighestInFlightCountEndConsistentAndPassTheAudit() {
        List<String> plentiful = IntStream.range(0, 10).mapToObj(i -> newProduct(1_000)).toList();
        String scarce = newProduct(SCARCE_UNITS);
        List<String> payers = IntStream.range(0, 20).mapToObj(i -> newCustomer(1_000_000_000L)).toList();
        String broke = newCustomer(0);
        List<PlannedOrder> plan = plan(plentiful, scarce, payers, broke);

        try (TopicWatcher events = watch(ORDER_EVENTS)) {
            for (PlannedOrder order : plan) {
                awaitFreeSlot(events);
                order.place(this);
            }
            await("every order's outcome on " + ORDER_EVENTS).atMost(LOAD_TIMEOUT).pollInSameThread()
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> finishedOrders(events).size() == ORDERS);
            Map<String, String> outcomes = invariants.assertHold();

            assertThat(finalEventsPerOrder(events)).as("final events per order").allSatisfy((orderId, count) ->
                    assertThat(count).as("final events of order %s", orderId).isEqualTo(1));
            assertThat(ordersOf(plan, Kind.UNPAID)).allSatisfy(orderId ->
                    assertThat(outcomes.get(orderId)).as("order %s of a customer who cannot pay", orderId)
                            .isEqualTo("REJECTED"));
            long scarceApproved = ordersOf(plan, Kind.SCARCE).stream().filter(id -> "APPROVED".equals(outcomes.get(id)))
                    .count();
            assertThat(product(scarce).sold()).as("units of the scarce product sold").isEqualTo(scarceApproved)
                    .isLessThanOrEqualTo(SCARCE_UNITS);
            assertAuditFindsNothingWith(invariants.orderIds());
            System.out.printf("SustainedLoadIT: %d orders at %d in flight: %s%n", ORDERS, IN_FLIGHT,
                    outcomes.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        }
    }

    private enum Kind { PLENTIFUL, SCARCE, UNPAID }

    private record PlannedOrder(Kind kind, String customerId, List<Line> lines) {

        void place(SustainedLoadIT scenario) {
            scenario.placeOrder(customerId, lines.toArray(Line[]::new));
        }
    }

    /** The orders in a random (seeded) interleaving of the three kinds. */
    private List<PlannedOrder> plan(List<String> plentiful, String scarce, List<String> payers, String broke) {
        List<PlannedOrder> plan = new ArrayList<>(ORDERS);
        for (int i = 0; i < ORDERS - SCARCE_ORDERS - UNPAID_ORDERS; i++) {
            plan.add(new PlannedOrder(Kind.PLENTIFUL, pick(payers), plentifulLines(plentiful)));
        }
        for (int i = 0; i < SCARCE_ORDERS; i++) {
            plan.add(new PlannedOrder(Kind.SCARCE, pick(payers), List.of(Line.of(scarce, 1, UNIT_PRICE))));
        }
        for (int i = 0; i < UNPAID_ORDERS; i++) {
            plan.add(new PlannedOrder(Kind.UNPAID, broke, plentifulLines(plentiful)));
        }
        Collections.shuffle(plan, random);
        return plan;
    }

    /** One to three lines of distinct plentiful products, one or two units each. */
    private List<Line> plentifulLines(List<String> plentiful) {
        List<String> skus = new ArrayList<>(plentiful);
        Collections.shuffle(skus, random);
        return skus.subList(0, 1 + random.nextInt(3)).stream()
                .map(sku -> Line.of(sku, 1 + random.nextInt(2), UNIT_PRICE))
                .toList();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private List<String> ordersOf(List<PlannedOrder> plan, Kind kind) {
        List<String> placed = invariants.orderIds();
        return IntStream.range(0, plan.size()).filter(i -> plan.get(i).kind() == kind).mapToObj(placed::get).toList();
    }

    /** Waits until fewer than {@link #IN_FLIGHT} of the orders placed so far are without an outcome. */
    private void awaitFreeSlot(TopicWatcher events) {
        int placed = invariants.orderIds().size();
        if (placed < IN_FLIGHT) {
            return;
        }
        await("a free in-flight slot").atMost(LOAD_TIMEOUT).pollInSameThread().pollInterval(Duration.ofMillis(5))
                .until(() -> placed - finishedOrders(events).size() < IN_FLIGHT);
    }

    private Set<String> finishedOrders(TopicWatcher events) {
        return finalEventsPerOrder(events).keySet();
    }

    private Map<String, Long> finalEventsPerOrder(TopicWatcher events) {
        Set<String> ours = Set.copyOf(invariants.orderIds());
        return events.recordsMatching(record -> ours.contains(record.key())
                        && FINAL_EVENTS.contains(TopicWatcher.header(record, "message-type"))).stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    private static void assertAuditFindsNothingWith(List<String> orderIds) {
        Ops.Result audit = Ops.run(Ops.auditArgs(localStack().endpoints().databases(), "PT30M"));
        assertThat(audit.exitCode()).as(audit.toString()).isIn(0, 5);
        JsonNode report = Json.tree(audit.out());
        Set<String> ours = Set.copyOf(orderIds);
        assertThat(report.path("orders").asLong()).as("orders audited").isGreaterThanOrEqualTo(orderIds.size());
        assertThat(report.path("ordersInFlight").asLong()).as("orders the audit left unchecked").isZero();
        List<JsonNode> violations = StreamSupport.stream(report.path("violations").spliterator(), false).toList();
        assertThat(violations).as("every violation is listed").hasSize(report.path("violationCount").asInt());
        assertThat(violations).as(audit.out())
                .noneMatch(violation -> ours.contains(violation.path("orderId").asText()));
    }
}
