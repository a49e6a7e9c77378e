package dev.ordersaga.orchestrator.saga;

import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.InventoryReleased;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReservationConfirmed;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderCancelled;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.RejectOrder;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import dev.ordersaga.schema.payment.PaymentRefunded;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import dev.ordersaga.schema.payment.RefundPayment;
import java.util.stream.Collectors;

/**
 * The create-order saga, version 1. It starts when OrderPlaced arrives, so the order already exists:
 * its first step only knows how to reject it.
 *
 * <p>While it runs, the current step is reserve-inventory, charge-payment or approve-order (create-order
 * has no command to wait for). A cancellation, a step out of attempts (no reply in time) or out of its
 * transient retry budget, or an operator compensates from the current step on; e.g. a cancellation during
 * charge-payment sends RefundPayment, then ReleaseInventory, then RejectOrder. approve-order is the pivot:
 * only a cancellation turns it back; its deadline re-sends it for as long as it takes.
 *
 * <p>The definition was extended in place rather than as version 2: the new replies (OrderCancelled,
 * PaymentUnavailable) only ever reach sagas whose order was cancelled or whose payment provider failed after
 * this build was deployed, and every command keeps its message id.
 */
public final class CreateOrderSaga {

    public static final String NAME = "create-order";
    public static final int VERSION = 1;

    public static final SagaDefinition<OrderSagaData> DEFINITION = SagaDefinition.<OrderSagaData>builder(NAME, VERSION)
            .step("create-order")
                .compensateWith(OrderRejected.class, data -> new RejectOrder(data.orderId(), data.failureReason()))
                // A cancelled order (CANCELLING) ends CANCELLED rather than REJECTED when told to reject.
                .alsoConfirmedBy(OrderCancelled.class)
            .step("reserve-inventory")
                .invoke(data -> new ReserveInventory(data.orderId(), data.lines()))
                .onSuccess(InventoryReserved.class)
                .onFailure(InventoryUnavailable.class, CreateOrderSaga::shortages)
                .compensateWith(InventoryReleased.class, data -> new ReleaseInventory(data.orderId()))
            .step("charge-payment")
                .invoke(data -> new ChargePayment(data.orderId(), data.customerId(), data.total()))
                .onSuccess(PaymentCharged.class)
                .onFailure(PaymentDeclined.class, declined -> "payment declined: " + declined.reason())
                // Nothing was charged (or refunded): try again later under a new message id, for as long as the
                // step's transient retry budget lasts (a refund: for as long as it takes).
                .onTransientFailure(PaymentUnavailable.class, unavailable -> "payment unavailable: "
                        + unavailable.reason())
                .compensateWith(PaymentRefunded.class, data -> new RefundPayment(data.orderId()))
            .step("approve-order")
                .invoke(data -> new ConfirmReservation(data.orderId()), data -> new ApproveOrder(data.orderId()))
                .onSuccess(OrderApproved.class)
                // order-service never rejects an approved order, and a queued ApproveOrder is always applied
                // before a later RejectOrder: giving up here would refund an order that still ends APPROVED.
                // A cancellation is still safe, as order-service refuses ApproveOrder once it accepted one.
                .pivot()
                // The order's approval is the outcome; the confirmation only belongs in the timeline.
                .recording(ReservationConfirmed.class)
            .build();

    private CreateOrderSaga() {
    }

    static String shortages(InventoryUnavailable reply) {
        return "insufficient stock: " + reply.shortages().stream()
                .map(s -> s.sku() + " (requested " + s.requested() + ", available " + s.available() + ")")
                .collect(Collectors.joining(", "));
    }
}
