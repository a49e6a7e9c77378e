package dev.ordersaga.ops.audit;

import static dev.ordersaga.ops.audit.TestRows.NOW;
import static dev.ordersaga.ops.audit.TestRows.id;
import static dev.ordersaga.ops.audit.TestRows.lines;
import static dev.ordersaga.ops.audit.TestRows.order;
import static dev.ordersaga.ops.audit.TestRows.payment;
import static dev.ordersaga.ops.audit.TestRows.paymentTombstone;
import static dev.ordersaga.ops.audit.TestRows.reservation;
import static dev.ordersaga.ops.audit.TestRows.reservationTombstone;
import static dev.ordersaga.ops.audit.TestRows.updatedAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.ops.audit.Finding.Severity;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderRulesTest {

    private static final UUID ID = id(1);
    private static final Duration SETTLE_AFTER = Duration.ofMinutes(5);

    private final OrderRules rules = new OrderRules(NOW, SETTLE_AFTER);
    private final OrderRow approved = order(ID, OrderRules.APPROVED);
    private final ReservationRow confirmed = reservation(ID, ReservationRow.CONFIRMED);
    private final PaymentRow charged = payment(ID, PaymentRow.CHARGED);

    @Test
    void approvedWithAChargeOfTheTotalAndAConfirmedReservationOfTheLinesIsConsistent() {
        assertThat(check(approved, confirmed, charged)).isEmpty();
    }

    @Test
    void approvedWithoutPaymentIsAViolation() {
        assertThat(check(approved, confirmed, null)).containsExactly(violation(approved, "APPROVED but no payment"));
    }

    @ParameterizedTest
    @ValueSource(strings = {PaymentRow.REFUNDED, PaymentRow.DECLINED})
    void aPaymentThatIsNotChargedIsAViolation(String status) {
        assertThat(check(approved, confirmed, payment(ID, status)))
                .containsExactly(violation(approved, "APPROVED but payment is " + status));
    }

    @Test
    void aChargeOfAnotherAmountIsAViolation() {
        assertThat(check(approved, confirmed, payment(ID, PaymentRow.CHARGED, 900, "EUR")))
                .containsExactly(violation(approved, "charged 900 EUR, total 1000 EUR"));
    }

    @Test
    void aChargeInAnotherCurrencyIsAViolation() {
        assertThat(check(approved, confirmed, payment(ID, PaymentRow.CHARGED, 1000, "USD")))
                .containsExactly(violation(approved, "charged 1000 USD, total 1000 EUR"));
    }

    @Test
    void approvedWithoutReservationIsAViolation() {
        assertThat(check(approved, null, charged)).containsExactly(violation(approved, "APPROVED but no reservation"));
    }

    @Test
    void aReleasedReservationIsAViolation() {
        assertThat(check(approved, reservation(ID, ReservationRow.RELEASED), charged))
                .containsExactly(violation(approved, "APPROVED but reservation is RELEASED"));
    }

    @Test
    void reservedLinesThatDifferFromTheOrdersAreAViolationNamingTheSkus() {
        ReservationRow wrongLines = reservation(ID, ReservationRow.CONFIRMED, lines("SKU-1", 1, "SKU-2", 1, "SKU-9", 3));

        assertThat(check(approved, wrongLines, charged)).containsExactly(violation(approved,
                "reservation lines differ from the order's: SKU-1 ordered 2, reserved 1; SKU-9 ordered 0, reserved 3"));
    }

    @Test
    void aReservationStillReservedLongAfterTheApprovalIsAViolation() {
        assertThat(check(approved, reservation(ID, ReservationRow.RESERVED), charged))
                .containsExactly(violation(approved, "APPROVED but reservation is RESERVED"));
    }

    @Test
    void aReservationStillReservedRightAfterTheApprovalIsOnlyAWarning() {
        // ConfirmReservation and ApproveOrder leave the orchestrator together; the confirmation may lag.
        OrderRow justApproved = updatedAt(approved, NOW.minusSeconds(40));

        assertThat(check(justApproved, reservation(ID, ReservationRow.RESERVED), charged)).containsExactly(
                Finding.warning(ID, OrderRules.APPROVED,
                        "APPROVED 40s ago but reservation is still RESERVED (its confirmation may be in flight)"));
    }

    @Test
    void everyProblemOfAnApprovedOrderIsReported() {
        assertThat(check(approved, null, null)).extracting(Finding::problem)
                .containsExactly("APPROVED but no payment", "APPROVED but no reservation");
    }

    @Test
    void aTombstoneIsNoPaymentOrReservationOfAnApprovedOrder() {
        assertThat(check(approved, reservationTombstone(ID), paymentTombstone(ID))).extracting(Finding::problem)
                .containsExactly("APPROVED but payment is DECLINED", "APPROVED but reservation is RELEASED");
    }

    @ParameterizedTest
    @ValueSource(strings = {OrderRules.REJECTED, OrderRules.CANCELLED})
    void rejectedOrCancelledWithNothingChargedAndNothingHeldIsConsistent(String status) {
        OrderRow order = order(ID, status);

        assertThat(check(order, null, null)).isEmpty();
        assertThat(check(order, reservation(ID, ReservationRow.RELEASED), payment(ID, PaymentRow.REFUNDED))).isEmpty();
        assertThat(check(order, reservation(ID, ReservationRow.RELEASED), payment(ID, PaymentRow.DECLINED))).isEmpty();
        assertThat(check(order, reservationTombstone(ID), paymentTombstone(ID))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {OrderRules.REJECTED, OrderRules.CANCELLED})
    void rejectedOrCancelledWithAChargedPaymentIsAViolation(String status) {
        OrderRow order = order(ID, status);

        assertThat(check(order, null, payment(ID, PaymentRow.CHARGED)))
                .containsExactly(violation(order, status + " but payment is CHARGED (1000 EUR not refunded)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {ReservationRow.RESERVED, ReservationRow.CONFIRMED})
    void rejectedWithStockStillHeldOrSoldIsAViolation(String reservationStatus) {
        OrderRow order = order(ID, OrderRules.REJECTED);

        assertThat(check(order, reservation(ID, reservationStatus), null)).containsExactly(
                violation(order, "REJECTED but reservation is " + reservationStatus + " (SKU-1 x2, SKU-2 x1)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {OrderRules.PENDING, OrderRules.CANCELLING})
    void pendingOrCancellingYoungerThanSettleAfterIsInFlight(String status) {
        assertThat(rules.inFlight(order(ID, status, NOW.minus(SETTLE_AFTER).plusSeconds(1)))).isTrue();
    }

    @Test
    void aPendingOrderOlderThanSettleAfterIsNotSettled() {
        OrderRow order = order(ID, OrderRules.PENDING, NOW.minus(Duration.ofMinutes(12)));

        assertThat(rules.inFlight(order)).isFalse();
        assertThat(check(order, null, null)).containsExactly(Finding.warning(ID, OrderRules.PENDING,
                "not settled: PENDING for 12m00s (see ops.sh saga show " + ID + ")"));
    }

    @Test
    void aCancellingOrderIsTimedFromTheCancellationRequest() {
        OrderRow placedLongAgo = order(ID, OrderRules.PENDING, NOW.minus(Duration.ofHours(2)));
        OrderRow cancelledJustNow = new OrderRow(ID, OrderRules.CANCELLING, "EUR", 1000, TestRows.LINES,
                placedLongAgo.createdAt(), NOW.minusSeconds(30), NOW.minusSeconds(30));
        OrderRow cancelledLongAgo = new OrderRow(ID, OrderRules.CANCELLING, "EUR", 1000, TestRows.LINES,
                placedLongAgo.createdAt(), NOW.minusSeconds(30), NOW.minus(Duration.ofMinutes(7)));

        assertThat(rules.inFlight(cancelledJustNow)).isTrue();
        assertThat(rules.inFlight(cancelledLongAgo)).isFalse();
        assertThat(check(cancelledLongAgo, null, null)).extracting(Finding::problem)
                .containsExactly("not settled: CANCELLING for 7m00s (see ops.sh saga show " + ID + ")");
    }

    @Test
    void finalOrdersAreNeverInFlight() {
        assertThat(rules.inFlight(order(ID, OrderRules.APPROVED, NOW))).isFalse();
    }

    @Test
    void anUnknownStatusIsAWarningNotAGuess() {
        OrderRow order = order(ID, "ON_HOLD");

        assertThat(check(order, null, null)).containsExactly(
                Finding.warning(ID, "ON_HOLD", "status ON_HOLD is unknown to this audit: not checked"));
    }

    @Test
    void aPaymentOrReservationWithoutAnOrderIsAViolation() {
        PaymentRow payment = payment(ID, PaymentRow.CHARGED);

        List<Finding> findings = OrderRules.orphan(
                new OrderGroup(ID, null, reservation(ID, ReservationRow.RESERVED), payment));

        assertThat(findings).containsExactly(
                Finding.violation(ID, null, "no such order, but payment " + payment.id() + " is CHARGED 1000 EUR"),
                Finding.violation(ID, null, "no such order, but reservation is RESERVED (SKU-1 x2, SKU-2 x1)"));
    }

    @Test
    void aDeclinedPaymentOrReleasedReservationWithoutAnOrderIsStillAViolation() {
        assertThat(OrderRules.orphan(new OrderGroup(ID, null, reservation(ID, ReservationRow.RELEASED),
                payment(ID, PaymentRow.DECLINED)))).hasSize(2).allMatch(Finding::isViolation);
    }

    @Test
    void tombstonesNeedNoOrder() {
        assertThat(OrderRules.orphan(new OrderGroup(ID, null, reservationTombstone(ID), paymentTombstone(ID))))
                .isEmpty();
    }

    private List<Finding> check(OrderRow order, ReservationRow reservation, PaymentRow payment) {
        return rules.check(new OrderGroup(order.id(), order, reservation, payment));
    }

    private static Finding violation(OrderRow order, String problem) {
        return new Finding(Severity.VIOLATION, order.id(), order.status(), null, problem);
    }
}
