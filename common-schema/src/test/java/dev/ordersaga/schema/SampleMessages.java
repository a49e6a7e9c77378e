package dev.ordersaga.schema;

import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.InventoryReleased;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReservationConfirmed;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderCancellationRequested;
import dev.ordersaga.schema.order.OrderCancelled;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.OrderRequestRejected;
import dev.ordersaga.schema.order.RejectOrder;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import dev.ordersaga.schema.payment.PaymentRefunded;
import dev.ordersaga.schema.payment.RefundPayment;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One realistic message per type, all from the saga of one two-line order. */
final class SampleMessages {

    static final UUID ORDER_ID = UUID.fromString("5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31");
    private static final UUID PAYMENT_ID = UUID.fromString("c2f7e4a1-8b3d-4e6f-a1c9-0d2e3f4a5b6c");
    private static final String CUSTOMER_ID = "customer-1042";
    private static final String BOOK = "BOOK-DDD-001";
    private static final String MUG = "MUG-LOGO-042";
    private static final Money TOTAL = Money.of(2 * 4999 + 1250, "EUR");

    static final PlaceOrder PLACE_ORDER = new PlaceOrder(ORDER_ID, CUSTOMER_ID, "EUR", List.of(
            new PlaceOrder.Line(BOOK, 2, 4999L),
            new PlaceOrder.Line(MUG, 1, 1250L)));

    static final ChargePayment CHARGE_PAYMENT = new ChargePayment(ORDER_ID, CUSTOMER_ID, TOTAL);

    // A duplicate type fails class initialisation, so every test using the samples fails.
    private static final Map<MessageType, Message> BY_TYPE = Stream.<Message>of(
            PLACE_ORDER,
            new CancelOrder(ORDER_ID, "Customer changed their mind"),
            new OrderPlaced(ORDER_ID, CUSTOMER_ID, List.of(
                    new OrderPlaced.Line(BOOK, 2, Money.of(4999, "EUR")),
                    new OrderPlaced.Line(MUG, 1, Money.of(1250, "EUR"))), TOTAL),
            new OrderApproved(ORDER_ID, TOTAL),
            new OrderRejected(ORDER_ID, "Payment declined: insufficient funds"),
            new OrderCancellationRequested(ORDER_ID, "Customer changed their mind"),
            new OrderCancelled(ORDER_ID, "Customer changed their mind"),
            new OrderRequestRejected(ORDER_ID, "PlaceOrder", List.of(
                    new OrderRequestRejected.Violation("lines[1].quantity", "must be at least 1"))),
            new ApproveOrder(ORDER_ID),
            new RejectOrder(ORDER_ID, "Payment declined: insufficient funds"),
            new ReserveInventory(ORDER_ID, List.of(new StockLine(BOOK, 2), new StockLine(MUG, 1))),
            new ReleaseInventory(ORDER_ID),
            new ConfirmReservation(ORDER_ID),
            CHARGE_PAYMENT,
            new RefundPayment(ORDER_ID),
            new InventoryReserved(ORDER_ID),
            new InventoryUnavailable(ORDER_ID, List.of(new InventoryUnavailable.Shortage(MUG, 1, 0))),
            new InventoryReleased(ORDER_ID),
            new ReservationConfirmed(ORDER_ID),
            new PaymentCharged(ORDER_ID, PAYMENT_ID, TOTAL),
            new PaymentDeclined(ORDER_ID, "Insufficient funds"),
            new PaymentUnavailable(ORDER_ID, "payment provider unavailable: circuit open"),
            new PaymentRefunded(ORDER_ID, TOTAL))
            .collect(Collectors.toUnmodifiableMap(MessageType::of, Function.identity()));

    private SampleMessages() {
    }

    static Map<MessageType, Message> all() {
        return BY_TYPE;
    }

    static Message of(MessageType type) {
        Message sample = BY_TYPE.get(type);
        if (sample == null) {
            throw new IllegalArgumentException("No sample message for " + type + "; add one to SampleMessages");
        }
        return sample;
    }
}
