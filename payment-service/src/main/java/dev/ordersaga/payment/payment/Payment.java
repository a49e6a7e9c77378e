package dev.ordersaga.payment.payment;

import dev.ordersaga.payment.money.Money;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import dev.ordersaga.schema.payment.PaymentRefunded;
import dev.ordersaga.schema.payment.PaymentReply;
import dev.ordersaga.support.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/**
 * What happened to an order's payment; at most one per order, so it is also the record that makes a
 * repeated ChargePayment answer with the first outcome instead of charging again.
 */
@Entity
@Table(name = "payments")
class Payment extends AuditedEntity<UUID> {

    @Id
    private UUID id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private UUID orderId;

    /** Null only for an order that was closed before any charge reached this service. */
    @Column(name = "customer_id", updatable = false)
    private String customerId;

    @Embedded
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status;

    @Column(name = "decline_reason")
    private String declineReason;

    /** The provider's id of the capture; null unless CHARGED (or REFUNDED) through the provider. */
    @Column(name = "provider_charge_id", updatable = false)
    private String providerChargeId;

    @Version
    private long version;

    protected Payment() {
    }

    private Payment(UUID orderId, String customerId, Money amount, PaymentStatus status, String declineReason,
                    String providerChargeId) {
        this(UUID.randomUUID(), orderId, customerId, amount, status, declineReason, providerChargeId);
    }

    private Payment(UUID id, UUID orderId, String customerId, Money amount, PaymentStatus status,
                    String declineReason, String providerChargeId) {
        this.id = id;
        this.orderId = orderId;
        this.customerId = customerId;
        this.amount = amount;
        this.status = status;
        this.declineReason = declineReason;
        this.providerChargeId = providerChargeId;
    }

    /** @param providerChargeId the provider's id of the capture */
    static Payment charged(UUID orderId, String customerId, Money amount, String providerChargeId) {
        if (providerChargeId == null || providerChargeId.isBlank()) {
            throw new IllegalArgumentException("A charged payment needs the provider's charge id");
        }
        return new Payment(orderId, customerId, amount, PaymentStatus.CHARGED, null, providerChargeId);
    }

    static Payment declined(UUID orderId, String customerId, Money amount, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A declined payment needs a reason");
        }
        return new Payment(orderId, customerId, amount, PaymentStatus.DECLINED, reason, null);
    }

    /**
     * Records that the order was refunded before any charge arrived, so that a charge arriving late (e.g.
     * replayed from a dead-letter topic after compensation) is declined instead of taking money.
     */
    static Payment closedBeforeCharge(UUID orderId, String currency) {
        return declined(orderId, null, Money.zero(currency),
                "the order was refunded before it was charged; it is closed for charging");
    }

    /**
     * A payment as {@link PaymentRecords} read it with plain SQL: a value for the message handlers to decide and
     * reply with, not managed by JPA (saving it through JPA would insert it again).
     */
    static Payment restored(UUID id, UUID orderId, String customerId, Money amount, PaymentStatus status,
                            String declineReason, String providerChargeId) {
        return new Payment(id, orderId, customerId, amount, status, declineReason, providerChargeId);
    }

    /** CHARGED -> REFUNDED. @return the amount to credit back */
    Money refund() {
        if (status != PaymentStatus.CHARGED) {
            throw new IllegalStateException(
                    "Cannot refund payment " + id + " of order " + orderId + " in state " + status);
        }
        status = PaymentStatus.REFUNDED;
        return amount;
    }

    /**
     * The answer to a ChargePayment for this order. A refunded payment answers "declined": the money was
     * returned, and the safe direction for a late charge is compensation, never approval.
     */
    PaymentReply chargeReply() {
        return switch (status) {
            case CHARGED -> new PaymentCharged(orderId, id, amount.toMessage());
            case DECLINED -> new PaymentDeclined(orderId, declineReason);
            case REFUNDED -> new PaymentDeclined(orderId, "payment " + id + " of this order was refunded");
        };
    }

    /** The answer to a RefundPayment for this order once nothing is left to refund: what was refunded, or zero. */
    PaymentRefunded refundReply() {
        return switch (status) {
            case REFUNDED -> new PaymentRefunded(orderId, amount.toMessage());
            case DECLINED -> new PaymentRefunded(orderId, Money.zero(amount.currency()).toMessage());
            case CHARGED -> throw new IllegalStateException("Payment " + id + " is charged, not refunded");
        };
    }

    @Override
    public UUID getId() {
        return id;
    }

    UUID orderId() {
        return orderId;
    }

    String customerId() {
        return customerId;
    }

    Money amount() {
        return amount;
    }

    PaymentStatus status() {
        return status;
    }

    String declineReason() {
        return declineReason;
    }

    String providerChargeId() {
        return providerChargeId;
    }

    /** False only for payments charged before charges went through the provider: the provider never saw them. */
    boolean capturedAtProvider() {
        return providerChargeId != null;
    }
}
