package dev.ordersaga.order.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderTest {

    @Test
    void aPlacedOrderIsPendingNewAndTotalsItsLines() {
        Order order = Order.place(UUID.randomUUID(), "customer-1", "EUR",
                List.of(new NewLine("BOOK-1", 2, 4999), new NewLine("MUG-1", 1, 1250)));

        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.isNew()).isTrue();
        assertThat(order.getTotal()).isEqualTo(new Amount(11_248, "EUR"));
        assertThat(order.getLines()).extracting(OrderLine::getLineNo, OrderLine::getSku)
                .containsExactly(tuple(1, "BOOK-1"),
                        tuple(2, "MUG-1"));
        assertThat(order.getRejectionReason()).isNull();
    }

    @Test
    void placingRefusesATotalThatOverflows() {
        assertThatThrownBy(() -> Order.place(UUID.randomUUID(), "customer-1", "EUR",
                List.of(new NewLine("GOLD", 1, Long.MAX_VALUE), new NewLine("PIN", 1, 1))))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void approvingAPendingOrderApprovesIt() {
        Order order = pendingOrder();

        assertThat(order.approve()).isEqualTo(Transition.APPLIED);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
    }

    @Test
    void approvingAnApprovedOrderAgainChangesNothing() {
        Order order = pendingOrder();
        order.approve();

        assertThat(order.approve()).isEqualTo(Transition.ALREADY_IN_STATE);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
    }

    @Test
    void rejectingAPendingOrderRejectsItWithTheReason() {
        Order order = pendingOrder();

        assertThat(order.reject("payment declined")).isEqualTo(Transition.APPLIED);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getRejectionReason()).isEqualTo("payment declined");
    }

    @Test
    void rejectingARejectedOrderAgainKeepsTheFirstReason() {
        Order order = pendingOrder();
        order.reject("out of stock");

        assertThat(order.reject("payment declined")).isEqualTo(Transition.ALREADY_IN_STATE);
        assertThat(order.getRejectionReason()).isEqualTo("out of stock");
    }

    @Test
    void approvingARejectedOrderIsNotAllowedAndChangesNothing() {
        Order order = pendingOrder();
        order.reject("out of stock");

        assertThat(order.approve()).isEqualTo(Transition.NOT_ALLOWED);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getRejectionReason()).isEqualTo("out of stock");
    }

    @Test
    void rejectingAnApprovedOrderIsNotAllowedAndChangesNothing() {
        Order order = pendingOrder();
        order.approve();

        assertThat(order.reject("too late")).isEqualTo(Transition.NOT_ALLOWED);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(order.getRejectionReason()).isNull();
    }

    @Test
    void aRejectionNeedsAReason() {
        Order order = pendingOrder();

        assertThatThrownBy(() -> order.reject(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void cancellingAPendingOrderMakesItCancellingWithTheReasonAndTheTime() {
        Order order = pendingOrder();

        assertThat(order.requestCancellation("changed my mind")).isEqualTo(Transition.APPLIED);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLING);
        assertThat(order.getCancellationReason()).isEqualTo("changed my mind");
        assertThat(order.getCancellationRequestedAt()).isNotNull();
        assertThat(order.getRejectionReason()).isNull();
    }

    @Test
    void aCancellationWithoutReasonOrWithABlankOneKeepsNone() {
        Order withoutReason = pendingOrder();
        Order withBlankReason = pendingOrder();

        assertThat(withoutReason.requestCancellation(null)).isEqualTo(Transition.APPLIED);
        assertThat(withBlankReason.requestCancellation("  ")).isEqualTo(Transition.APPLIED);
        assertThat(withoutReason.getCancellationReason()).isNull();
        assertThat(withBlankReason.getCancellationReason()).isNull();
        assertThat(withBlankReason.getStatus()).isEqualTo(OrderStatus.CANCELLING);
    }

    @Test
    void cancellingAgainChangesNothingAndKeepsTheFirstReason() {
        Order cancelling = pendingOrder();
        cancelling.requestCancellation("first");
        Order cancelled = pendingOrder();
        cancelled.requestCancellation("first");
        cancelled.reject("cancelled by the producer");

        assertThat(cancelling.requestCancellation("second")).isEqualTo(Transition.ALREADY_IN_STATE);
        assertThat(cancelled.requestCancellation("second")).isEqualTo(Transition.ALREADY_IN_STATE);
        assertThat(cancelling.getStatus()).isEqualTo(OrderStatus.CANCELLING);
        assertThat(cancelling.getCancellationReason()).isEqualTo("first");
        assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.getCancellationReason()).isEqualTo("first");
    }

    @Test
    void anApprovedOrARejectedOrderCannotBeCancelled() {
        Order approved = pendingOrder();
        approved.approve();
        Order rejected = pendingOrder();
        rejected.reject("out of stock");

        assertThat(approved.requestCancellation("too late")).isEqualTo(Transition.NOT_ALLOWED);
        assertThat(rejected.requestCancellation("too late")).isEqualTo(Transition.NOT_ALLOWED);
        assertThat(approved.getStatus()).isEqualTo(OrderStatus.APPROVED);
        assertThat(rejected.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(approved.getCancellationReason()).isNull();
        assertThat(approved.getCancellationRequestedAt()).isNull();
    }

    @Test
    void aCancellationReasonHasAtMost500Characters() {
        Order order = pendingOrder();

        assertThatThrownBy(() -> order.requestCancellation("r".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.requestCancellation("r".repeat(500))).isEqualTo(Transition.APPLIED);
    }

    /** Characters as PostgreSQL's char_length counts them: 500 emoji are 1000 UTF-16 units, and still fit. */
    @Test
    void aCancellationReasonIsCountedInCodePoints() {
        Order order = pendingOrder();

        assertThat(order.requestCancellation("\uD83D\uDE00".repeat(500))).isEqualTo(Transition.APPLIED);
    }

    @Test
    void approvingACancellingOrderIsSupersededAndChangesNothing() {
        Order order = pendingOrder();
        order.requestCancellation("changed my mind");

        assertThat(order.approve()).isEqualTo(Transition.SUPERSEDED);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLING);
    }

    @Test
    void approvingACancelledOrderIsNotAllowed() {
        Order order = pendingOrder();
        order.requestCancellation("changed my mind");
        order.reject("cancelled by the producer");

        assertThat(order.approve()).isEqualTo(Transition.NOT_ALLOWED);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void rejectingACancellingOrderCompletesTheCancellationKeepingTheProducersReason() {
        Order order = pendingOrder();
        order.requestCancellation("changed my mind");

        assertThat(order.reject("cancelled: compensated")).isEqualTo(Transition.APPLIED);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.getCancellationReason()).isEqualTo("changed my mind");
        assertThat(order.getRejectionReason()).as("only a REJECTED order has a rejection reason").isNull();
    }

    @Test
    void rejectingACancelledOrderAgainChangesNothing() {
        Order order = pendingOrder();
        order.requestCancellation("changed my mind");
        order.reject("cancelled: compensated");

        assertThat(order.reject("cancelled: compensated")).isEqualTo(Transition.ALREADY_IN_STATE);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }

    private static Order pendingOrder() {
        return Order.place(UUID.randomUUID(), "customer-1", "EUR", List.of(new NewLine("BOOK-1", 1, 100)));
    }
}
