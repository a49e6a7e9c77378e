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
import dev.ordersaga.schema.payment.PaymentRefunded;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import dev.ordersaga.schema.payment.RefundPayment;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every message: its wire name (the {@code message-type} header), the record it
 * maps to, the topic it travels on, and its current schema version. A message's JSON Schema is
 * {@code schemas/<typeName>.v<version>.json} on the classpath.
 */
public enum MessageType {

    PLACE_ORDER(PlaceOrder.class, Topics.ORDER_REQUESTS),
    CANCEL_ORDER(CancelOrder.class, Topics.ORDER_REQUESTS),

    ORDER_PLACED(OrderPlaced.class, Topics.ORDER_EVENTS),
    ORDER_APPROVED(OrderApproved.class, Topics.ORDER_EVENTS),
    ORDER_REJECTED(OrderRejected.class, Topics.ORDER_EVENTS),
    ORDER_CANCELLATION_REQUESTED(OrderCancellationRequested.class, Topics.ORDER_EVENTS),
    ORDER_CANCELLED(OrderCancelled.class, Topics.ORDER_EVENTS),
    ORDER_REQUEST_REJECTED(OrderRequestRejected.class, Topics.ORDER_EVENTS),

    APPROVE_ORDER(ApproveOrder.class, Topics.ORDER_COMMANDS),
    REJECT_ORDER(RejectOrder.class, Topics.ORDER_COMMANDS),

    RESERVE_INVENTORY(ReserveInventory.class, Topics.INVENTORY_COMMANDS),
    RELEASE_INVENTORY(ReleaseInventory.class, Topics.INVENTORY_COMMANDS),
    CONFIRM_RESERVATION(ConfirmReservation.class, Topics.INVENTORY_COMMANDS),

    CHARGE_PAYMENT(ChargePayment.class, Topics.PAYMENT_COMMANDS),
    REFUND_PAYMENT(RefundPayment.class, Topics.PAYMENT_COMMANDS),

    INVENTORY_RESERVED(InventoryReserved.class, Topics.SAGA_REPLIES),
    INVENTORY_UNAVAILABLE(InventoryUnavailable.class, Topics.SAGA_REPLIES),
    INVENTORY_RELEASED(InventoryReleased.class, Topics.SAGA_REPLIES),
    RESERVATION_CONFIRMED(ReservationConfirmed.class, Topics.SAGA_REPLIES),
    PAYMENT_CHARGED(PaymentCharged.class, Topics.SAGA_REPLIES),
    PAYMENT_DECLINED(PaymentDeclined.class, Topics.SAGA_REPLIES),
    PAYMENT_UNAVAILABLE(PaymentUnavailable.class, Topics.SAGA_REPLIES),
    PAYMENT_REFUNDED(PaymentRefunded.class, Topics.SAGA_REPLIES);

    private static final Map<String, MessageType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(MessageType::typeName, Function.identity()));
    private static final Map<Class<?>, MessageType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(MessageType::javaType, Function.identity()));

    private final Class<? extends Message> javaType;
    private final String topic;
    private final int schemaVersion;

    MessageType(Class<? extends Message> javaType, String topic) {
        this.javaType = javaType;
        this.topic = topic;
        this.schemaVersion = 1;
    }

    /** The wire name, the record's simple name: {@code PlaceOrder}. */
    public String typeName() {
        return javaType.getSimpleName();
    }

    public Class<? extends Message> javaType() {
        return javaType;
    }

    public String topic() {
        return topic;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Classpath resource of this type's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + typeName() + ".v" + schemaVersion + ".json";
    }

    public static Optional<MessageType> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static MessageType of(Class<? extends Message> javaType) {
        MessageType type = BY_CLASS.get(javaType);
        if (type == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not in the message catalogue");
        }
        return type;
    }

    public static MessageType of(Message message) {
        return of(message.getClass());
    }
}
