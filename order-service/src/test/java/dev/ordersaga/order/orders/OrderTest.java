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

    private static Order pendingOrder() {
        return Order.place(UUID.randomUUID(), "customer-1", "EUR", List.of(new NewLine("BOOK-1", 1, 100)));
    }
}
