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
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.RejectOrder;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import dev.ordersaga.schema.payment.PaymentRefunded;
import dev.ordersaga.schema.payment.RefundPayment;
import java.util.stream.Collectors;

/**
 * The create-order saga, version 1. It starts when OrderPlaced arrives, so the order already exists:
 * its first step only knows how to reject it.
 */
public final class CreateOrderSaga {

    public static final String NAME = "create-order";
    public static final int VERSION = 1;

    public static final SagaDefinition<OrderSagaData> DEFINITION = SagaDefinition.<OrderSagaData>builder(NAME, VERSION)
            .step("create-order")
                .compensateWith(OrderRejected.class, data -> new RejectOrder(data.orderId(), data.failureReason()))
            .step("reserve-inventory")
                .invoke(data -> new ReserveInventory(data.orderId(), data.lines()))
                .onSuccess(InventoryReserved.class)
                .onFailure(InventoryUnavailable.class, CreateOrderSaga::shortages)
                .compensateWith(InventoryReleased.class, data -> new ReleaseInventory(data.orderId()))
            .step("charge-payment")
                .invoke(data -> new ChargePayment(data.orderId(), data.customerId(), data.total()))
                .onSuccess(PaymentCharged.class)
                .onFailure(PaymentDeclined.class, declined -> "payment declined: " + declined.reason())
                .compensateWith(PaymentRefunded.class, data -> new RefundPayment(data.orderId()))
            .step("approve-order")
                .invoke(data -> new ConfirmReservation(data.orderId()), data -> new ApproveOrder(data.orderId()))
                .onSuccess(OrderApproved.class)
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
