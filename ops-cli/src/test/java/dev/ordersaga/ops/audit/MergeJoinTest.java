package dev.ordersaga.ops.audit;

import static dev.ordersaga.ops.audit.TestRows.id;
import static dev.ordersaga.ops.audit.TestRows.order;
import static dev.ordersaga.ops.audit.TestRows.payment;
import static dev.ordersaga.ops.audit.TestRows.reservation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeJoinTest {

    @Test
    void groupsTheRowsOfEachOrderIdWhicheverSidesHaveOne() {
        OrderRow order3 = order(id(3), OrderRules.APPROVED);
        OrderRow order9 = order(id(9), OrderRules.REJECTED);
        ReservationRow reservation3 = reservation(id(3), ReservationRow.CONFIRMED);
        ReservationRow reservation12 = reservation(id(12), ReservationRow.RESERVED);
        PaymentRow payment1 = payment(id(1), PaymentRow.CHARGED);
        PaymentRow payment3 = payment(id(3), PaymentRow.CHARGED);
        PaymentRow payment9 = payment(id(9), PaymentRow.REFUNDED);

        List<OrderGroup> groups = new ArrayList<>();
        new MergeJoin(List.of(order3, order9).iterator(), List.of(reservation3, reservation12).iterator(),
                List.of(payment1, payment3, payment9).iterator()).forEachRemaining(groups::add);

        assertThat(groups).containsExactly(
                new OrderGroup(id(1), null, null, payment1),
                new OrderGroup(id(3), order3, reservation3, payment3),
                new OrderGroup(id(9), order9, null, payment9),
                new OrderGroup(id(12), null, reservation12, null));
    }

    @Test
    void nothingToJoinIsNoGroup() {
        assertThat(new MergeJoin(List.<OrderRow>of().iterator(), List.<ReservationRow>of().iterator(),
                List.<PaymentRow>of().iterator()).hasNext()).isFalse();
    }

    @Test
    void aStreamOutOfOrderIsRefusedRatherThanReportedAsOrphans() {
        MergeJoin join = new MergeJoin(List.<OrderRow>of().iterator(), List.<ReservationRow>of().iterator(),
                List.of(payment(id(9), PaymentRow.CHARGED), payment(id(2), PaymentRow.CHARGED)).iterator());

        assertThatThrownBy(() -> join.forEachRemaining(group -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("payments are not sorted by order id");
    }
}
