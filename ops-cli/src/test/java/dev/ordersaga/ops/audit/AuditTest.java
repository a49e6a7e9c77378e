package dev.ordersaga.ops.audit;

import static dev.ordersaga.ops.audit.TestRows.AN_HOUR_AGO;
import static dev.ordersaga.ops.audit.TestRows.NOW;
import static dev.ordersaga.ops.audit.TestRows.capture;
import static dev.ordersaga.ops.audit.TestRows.chargeIdOf;
import static dev.ordersaga.ops.audit.TestRows.id;
import static dev.ordersaga.ops.audit.TestRows.order;
import static dev.ordersaga.ops.audit.TestRows.payment;
import static dev.ordersaga.ops.audit.TestRows.paymentAtProvider;
import static dev.ordersaga.ops.audit.TestRows.paymentCreatedAt;
import static dev.ordersaga.ops.audit.TestRows.paymentTombstone;
import static dev.ordersaga.ops.audit.TestRows.product;
import static dev.ordersaga.ops.audit.TestRows.refundedCapture;
import static dev.ordersaga.ops.audit.TestRows.reservation;
import static dev.ordersaga.ops.audit.TestRows.reservationTombstone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The audit over in-memory databases, with pages of 2 rows so that every range and page boundary is crossed. */
class AuditTest {

    private static final int BATCH = 2;
    private static final Duration SETTLE_AFTER = Duration.ofMinutes(5);

    private final InMemoryDatabases db = new InMemoryDatabases();
    private final List<Long> progress = new ArrayList<>();

    @Test
    void consistentDatabasesOverManyPagesHaveNoFindings() {
        // Ids 1..15: both sides of the sign bit, so a merge in Java's UUID order would go wrong.
        IntStream.rangeClosed(1, 15).forEach(n -> db.withApproved(id(n)));
        db.with(product("SKU-1", 0, 30), product("SKU-2", 0, 15));

        AuditReport report = audit(null);

        assertThat(report.violations()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.consistent()).isTrue();
        assertThat(report.orders()).isEqualTo(15);
        assertThat(report.ordersByStatus()).containsEntry(OrderRules.APPROVED, 15L);
        assertThat(report.payments()).isEqualTo(15);
        assertThat(report.reservations()).isEqualTo(15);
        assertThat(report.products()).isEqualTo(2);
        assertThat(progress).containsExactly(2L, 4L, 6L, 8L, 10L, 12L, 14L, 15L);
    }

    @Test
    void eachOrdersProblemIsFoundWhereverItsPageFalls() {
        IntStream.rangeClosed(1, 15).filter(n -> n != 4 && n != 11).forEach(n -> db.withApproved(id(n)));
        db.with(order(id(4), OrderRules.APPROVED)).with(payment(id(4), PaymentRow.CHARGED, 900, "EUR"))
                .with(reservation(id(4), ReservationRow.CONFIRMED));
        db.with(order(id(11), OrderRules.REJECTED)).with(payment(id(11), PaymentRow.CHARGED));

        AuditReport report = audit(null);

        assertThat(report.violations()).containsExactly(
                Finding.violation(id(4), OrderRules.APPROVED, "charged 900 EUR, total 1000 EUR"),
                Finding.violation(id(11), OrderRules.REJECTED, "REJECTED but payment is CHARGED (1000 EUR not refunded)"));
        assertThat(report.consistent()).isFalse();
    }

    @Test
    void paymentsAndReservationsWithoutAnOrderAreOrphansWhereverTheirIdFalls() {
        db.withApproved(id(2)).withApproved(id(5)).withApproved(id(8));
        PaymentRow between = payment(id(3), PaymentRow.CHARGED);
        ReservationRow beyondTheLastOrder = reservation(id(14), ReservationRow.RESERVED);
        PaymentRow beforeTheFirstOrder = payment(id(1), PaymentRow.REFUNDED);
        db.with(between, beforeTheFirstOrder).with(beyondTheLastOrder);

        AuditReport report = audit(null);

        assertThat(report.violations()).extracting(Finding::orderId, Finding::status, Finding::problem).containsExactly(
                tuple(id(1), null,
                        "no such order, but payment " + beforeTheFirstOrder.id() + " is REFUNDED 1000 EUR"),
                tuple(id(3), null,
                        "no such order, but payment " + between.id() + " is CHARGED 1000 EUR"),
                tuple(id(14), null,
                        "no such order, but reservation is RESERVED (SKU-1 x2, SKU-2 x1)"));
    }

    @Test
    void tombstonesWithoutAnOrderAreFineAndNeedNoLookup() {
        db.withApproved(id(2));
        db.with(paymentTombstone(id(6))).with(reservationTombstone(id(6)), reservationTombstone(id(9)));

        AuditReport report = audit(null);

        assertThat(report.consistent()).isTrue();
        assertThat(report.tombstones()).isEqualTo(3);
        assertThat(db.lookups).isEmpty();
    }

    @Test
    void orphanSuspectsAreLookedUpAPageAtATime() {
        db.withApproved(id(1));
        IntStream.rangeClosed(2, 6).forEach(n -> db.with(payment(id(n), PaymentRow.CHARGED)));

        AuditReport report = audit(null);

        assertThat(report.violationCount()).isEqualTo(5);
        assertThat(db.lookups).containsExactly(2, 2, 1);
    }

    @Test
    void ordersAreReadAPageAtATimeAndTheOtherSidesARangeAtATime() {
        IntStream.rangeClosed(1, 7).forEach(n -> db.withApproved(id(n)));

        audit(null);

        // 7 orders in pages of 2: 4 pages. Each range holds 2 payments: a full page, then an empty one
        // (the last range holds 1), so 2 queries per range but the last: 7 per side. Never one per order.
        assertThat(db.orderQueries).isEqualTo(4);
        assertThat(db.paymentQueries).isEqualTo(7);
        assertThat(db.reservationQueries).isEqualTo(7);
    }

    @Test
    void sinceLeavesOlderOrdersOutAndDoesNotTakeTheirPaymentsForOrphans() {
        Instant since = NOW.minus(Duration.ofMinutes(30));
        // An old order with a wrong charge, made after since: outside the audit, not an orphan.
        db.with(order(id(3), OrderRules.APPROVED, AN_HOUR_AGO))
                .with(paymentCreatedAt(payment(id(3), PaymentRow.CHARGED, 1, "EUR"), since.plusSeconds(5)));
        // A recent order whose payment-service clock runs two minutes behind: within the margin, still found.
        Instant placed = since.plusSeconds(60);
        db.with(order(id(9), OrderRules.APPROVED, placed))
                .with(paymentCreatedAt(payment(id(9), PaymentRow.CHARGED), placed.minus(Duration.ofMinutes(2))))
                .with(new ReservationRow(id(9), ReservationRow.CONFIRMED, TestRows.LINES, placed.plusSeconds(1)));
        // Long before since: not read at all.
        db.with(paymentCreatedAt(payment(id(12), PaymentRow.CHARGED), since.minus(Duration.ofMinutes(10))));

        AuditReport report = audit(since);

        assertThat(report.orders()).as("only the recent order").isEqualTo(1);
        assertThat(report.violations()).isEmpty();
        assertThat(report.outsideAudit()).as("the old order's payment").isEqualTo(1);
        assertThat(report.payments()).as("from " + Audit.CLOCK_SKEW_MARGIN + " before since on").isEqualTo(2);
    }

    @Test
    void inFlightOrdersAreCountedNotCheckedAndUnsettledOnesAreWarnings() {
        db.with(order(id(1), OrderRules.PENDING, NOW.minusSeconds(10)))
                .with(reservation(id(1), ReservationRow.RESERVED));
        db.with(order(id(2), OrderRules.PENDING, NOW.minus(Duration.ofMinutes(20))));

        AuditReport report = audit(null);

        assertThat(report.ordersInFlight()).isEqualTo(1);
        assertThat(report.ordersByStatus()).containsEntry(OrderRules.PENDING, 2L);
        assertThat(report.violations()).isEmpty();
        assertThat(report.warnings()).extracting(Finding::orderId).containsExactly(id(2));
        assertThat(report.consistent()).as("warnings alone are not inconsistent").isTrue();
    }

    @Test
    void stockIsCheckedForEveryProduct() {
        db.with(product("SKU-1", 0, 0), product("SKU-2", 0, 0), new ProductRow("SKU-3", 5, 4, 0, 2, 0));

        AuditReport report = audit(null);

        assertThat(report.products()).isEqualTo(3);
        assertThat(report.violations()).containsExactly(Finding.stock("SKU-3", "reserved 4, but RESERVED reservations hold 2"));
    }

    @Test
    void theLimitCapsTheListNotTheCount() {
        IntStream.rangeClosed(1, 6).forEach(n -> db.with(order(id(n), OrderRules.APPROVED)));

        AuditReport report = new Audit(db, db, db, db, BATCH, progress::add).run(new AuditScope(NOW, null, SETTLE_AFTER, 3));

        assertThat(report.violationCount()).isEqualTo(12);
        assertThat(report.violations()).hasSize(3);
    }

    @Test
    void theProvidersBooksAgreeingWithThePaymentsOverManyPagesHaveNoFindings() {
        IntStream.rangeClosed(1, 12).forEach(n -> db.withApprovedAtProvider(id(n)));
        // Refunded at the provider: compensated after the charge, and a lost capture refunded before a decline.
        db.with(order(id(13), OrderRules.REJECTED)).with(paymentAtProvider(id(13), PaymentRow.REFUNDED))
                .with(reservation(id(13), ReservationRow.RELEASED)).with(refundedCapture(id(13)));
        db.with(order(id(14), OrderRules.REJECTED)).with(payment(id(14), PaymentRow.DECLINED))
                .with(reservation(id(14), ReservationRow.RELEASED)).with(refundedCapture(id(14)));
        db.with(product("SKU-1", 0, 24), product("SKU-2", 0, 12));

        AuditReport report = audit(null);

        assertThat(report.violations()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.captures()).isEqualTo(14);
        assertThat(report.refundedCaptures()).isEqualTo(2);
        // 14 captures in pages of 2, and an empty page to find the end; one payments lookup per page.
        assertThat(db.capturePages).isEqualTo(8);
        assertThat(db.paymentLookups).hasSize(7).allSatisfy(ids -> assertThat(ids).hasSize(2));
        assertThat(db.captureLookups).as("nothing to look at again").isZero();
    }

    @Test
    void eachDisagreementWithTheProviderIsFoundWhereverItFalls() {
        IntStream.rangeClosed(1, 15).filter(n -> n % 3 != 0).forEach(n -> db.withApprovedAtProvider(id(n)));
        // Declined here, while the provider kept the money: the capture left behind.
        db.with(order(id(3), OrderRules.REJECTED)).with(payment(id(3), PaymentRow.DECLINED)).with(capture(id(3)));
        // Charged here, but the provider holds nothing, or refunded it.
        db.with(order(id(6), OrderRules.APPROVED)).with(paymentAtProvider(id(6), PaymentRow.CHARGED))
                .with(reservation(id(6), ReservationRow.CONFIRMED));
        db.with(order(id(9), OrderRules.APPROVED)).with(paymentAtProvider(id(9), PaymentRow.CHARGED))
                .with(reservation(id(9), ReservationRow.CONFIRMED)).with(refundedCapture(id(9)));
        // Captured for another amount than the payment's; captured with no payment at all.
        db.with(order(id(12), OrderRules.APPROVED)).with(paymentAtProvider(id(12), PaymentRow.CHARGED))
                .with(reservation(id(12), ReservationRow.CONFIRMED)).with(capture(id(12), 900));
        db.with(order(id(15), OrderRules.REJECTED)).with(capture(id(15)));
        // Captures of no order: under an order's key, and under a key that names none.
        UUID nowhere = UUID.randomUUID();
        CaptureRow strayKey = new CaptureRow("manual-1", "ch_manual", "customer-1", 50, "EUR", CaptureRow.CAPTURED, null);
        db.with(capture(nowhere), strayKey);

        AuditReport report = audit(null);

        String held = "the provider holds capture ";
        assertThat(report.violations()).extracting(Finding::orderId, Finding::status, Finding::problem)
                .containsExactlyInAnyOrder(
                        tuple(id(3), OrderRules.REJECTED,
                                held + chargeIdOf(id(3)) + " of 1000 EUR, but the payment is DECLINED"),
                        tuple(id(6), OrderRules.APPROVED, "payment is CHARGED (" + chargeIdOf(id(6))
                                + ", 1000 EUR), but the provider holds no capture under charge-" + id(6)),
                        tuple(id(9), OrderRules.APPROVED, "payment is CHARGED (" + chargeIdOf(id(9))
                                + ", 1000 EUR), but the provider refunded capture " + chargeIdOf(id(9)) + " (re_9)"),
                        tuple(id(12), OrderRules.APPROVED,
                                held + chargeIdOf(id(12)) + " of 900 EUR, but the payment is CHARGED 1000 EUR"),
                        tuple(id(15), OrderRules.REJECTED,
                                held + chargeIdOf(id(15)) + " of 1000 EUR, but there is no payment"),
                        tuple(nowhere, null, "no such order; " + held + chargeIdOf(nowhere)
                                + " of 1000 EUR, but there is no payment"),
                        tuple(null, null, held + "ch_manual of 50 EUR under key manual-1, which names no order"));
        assertThat(db.captureLookups).as("each suspect looked at again, no other").isEqualTo(6);
    }

    @Test
    void aChargeMadeWhileTheAuditListedTheCapturesIsNoFinding() {
        db.with(order(id(1), OrderRules.APPROVED)).with(paymentAtProvider(id(1), PaymentRow.CHARGED))
                .with(reservation(id(1), ReservationRow.CONFIRMED));
        db.capturesMadeMeanwhile.add(capture(id(1)));

        AuditReport report = audit(null);

        assertThat(report.consistent()).isTrue();
        assertThat(db.captureLookups).isEqualTo(1);
    }

    @Test
    void aDisagreementIsJudgedByItsOrderInFlightUnsettledOrOutsideSince() {
        Instant since = NOW.minus(Duration.ofMinutes(30));
        // A charge under way: captured, its payment not recorded yet.
        db.with(order(id(1), OrderRules.PENDING, NOW.minus(Duration.ofMinutes(1)))).with(capture(id(1)));
        // The same for longer than settle-after: the charge is in doubt, the saga has not asked again yet.
        db.with(order(id(2), OrderRules.PENDING, NOW.minus(Duration.ofMinutes(20)))).with(capture(id(2)));
        // An order older than --since.
        db.with(order(id(3), OrderRules.REJECTED, AN_HOUR_AGO)).with(capture(id(3)));

        AuditReport report = audit(since);

        assertThat(report.violations()).isEmpty();
        assertThat(report.warnings()).extracting(Finding::orderId, Finding::problem).contains(tuple(id(2),
                "the provider holds capture " + chargeIdOf(id(2)) + " of 1000 EUR, but there is no payment"
                        + " (the order is not settled yet)"));
        assertThat(report.warnings()).extracting(Finding::orderId).doesNotContain(id(1), id(3));
    }

    @Test
    void suspectsAreLookedAtAgainAPageAtATime() {
        IntStream.rangeClosed(1, 5).forEach(n -> db.with(order(id(n), OrderRules.APPROVED))
                .with(paymentAtProvider(id(n), PaymentRow.CHARGED)).with(reservation(id(n), ReservationRow.CONFIRMED)));

        AuditReport report = audit(null);

        assertThat(report.violationCount()).isEqualTo(5);
        assertThat(db.orderLookups).extracting(Collection::size).containsExactly(2, 2, 1);
    }

    private AuditReport audit(Instant since) {
        return new Audit(db, db, db, db, BATCH, progress::add).run(new AuditScope(NOW, since, SETTLE_AFTER, 1000));
    }
}
